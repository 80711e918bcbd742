import Testing
import WelltreeCore
@testable import WelltreeWorkspace

@Suite("Built-in lens versions shipped by a newer Welltree")
struct ShippedLensVersionTests {
    private func record(_ versions: [LensVersionRecord]) -> LensRecord {
        LensRecord(alias: "wellarchitected", name: "AWS Well-Architected Framework", owner: "AWS", type: .awsOfficial, versions: versions)
    }

    @Test func newVersionsAreAppendedAndDeprecationsTakenOver() {
        var workspace = record([LensVersionRecord(version: "1.0", isMajor: true, createdAt: "a")])
        let shipped = record([
            LensVersionRecord(version: "1.0", isMajor: true, createdAt: "a", deprecatedAt: "c"),
            LensVersionRecord(version: "2.0", isMajor: true, createdAt: "b"),
        ])
        #expect(workspace.mergeShippedVersions(shipped) == ["2.0"])
        #expect(workspace.versions == shipped.versions)
        #expect(workspace.currentVersion?.version == "2.0")
        #expect(workspace.mergeShippedVersions(shipped).isEmpty)
    }

    @Test func versionsOnlyTheWorkspaceHasStay() {
        var workspace = record([
            LensVersionRecord(version: "1.0", isMajor: true, createdAt: "a"),
            LensVersionRecord(version: "1.0.local", isMajor: false, createdAt: "b"),
        ])
        #expect(workspace.mergeShippedVersions(record([LensVersionRecord(version: "1.0", isMajor: true, createdAt: "a")])).isEmpty)
        #expect(workspace.versions.count == 2)
    }
}
