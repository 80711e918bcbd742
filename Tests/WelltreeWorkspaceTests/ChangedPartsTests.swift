import Git
import Testing

@testable import WelltreeWorkspace

/// Grouping changed files into the workspace parts a diff reads.
@Suite("ChangedParts")
struct ChangedPartsTests {
    static let id = ObjectID(bytes: Array(repeating: 1, count: 20))

    @Test func groupsWorkloadsLensesAndSettings() {
        let paths = [
            "workloads/shop/answers/wellarchitected/priorities.json", "workloads/shop/workload.json",
            "workloads/pay/workload.json", "lenses/serverless/lens.json", "lenses/custom/draft.json",
            "welltree.json", "README.md",
        ]
        let parts = ChangedParts(paths.map { TreeDelta(path: $0, old: Self.id, new: nil) })
        #expect(parts.workloadDirectories == ["pay", "shop"])
        #expect(parts.lensAliases == ["custom", "serverless"])
        #expect(parts.riskRelevantLenses == ["serverless"])
        #expect(parts.draftChanges == ["custom"])
        #expect(parts.settingsChanged)
        #expect(parts.otherFiles == ["README.md"])
    }
}
