import Git
import Testing

@testable import WelltreeWorkspace

/// Grouping changed files into the workspace parts a diff reads.
@Suite("ChangedParts")
struct ChangedPartsTests {
    static let id = ObjectID(bytes: Array(repeating: 1, count: 20))

    @Test func groupsWorkloadsLensesAndSettings() {
        let paths = [
            "workloads/sh/shop/answers/wellarchitected/priorities.json", "workloads/sh/shop/workload.json",
            "workloads/pa/pay/workload.json", "lenses/serverless/lens.json", "lenses/custom/draft.json",
            "welltree.json", "README.md", "workloads/zz/shop/workload.json", "workloads/README.md",
            "workloads/x/x/workload.json",
        ]
        let parts = ChangedParts(paths.map { TreeDelta(path: $0, old: Self.id, new: nil) })
        #expect(parts.workloadDirectories == ["pay", "shop", "x"])
        #expect(parts.lensAliases == ["custom", "serverless"])
        #expect(parts.riskRelevantLenses == ["serverless"])
        #expect(parts.draftChanges == ["custom"])
        #expect(parts.settingsChanged)
        // A directory in the wrong shard is no workload; files outside workload directories are others.
        #expect(parts.otherFiles == ["README.md", "workloads/zz/shop/workload.json", "workloads/README.md"])
    }

    @Test func keepsTheTreesOfChangedWorkloadDirectories() {
        let other = ObjectID(bytes: Array(repeating: 2, count: 20))
        let comparison = TreeComparison(
            files: [TreeDelta(path: "workloads/sh/shop/workload.json", old: Self.id, new: other)],
            directories: [
                TreeDelta(path: "workloads", old: Self.id, new: other),
                TreeDelta(path: "workloads/sh", old: Self.id, new: other),
                TreeDelta(path: "workloads/sh/shop", old: Self.id, new: other),
                TreeDelta(path: "workloads/sh/shop/answers", old: Self.id, new: nil),
            ])
        let parts = ChangedParts(comparison)
        #expect(parts.workloadDirectories == ["shop"])
        #expect(parts.workloadTrees == ["shop": TreeDelta(path: "workloads/sh/shop", old: Self.id, new: other)])
    }
}
