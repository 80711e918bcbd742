import Foundation
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// The memo a workspace shares with its snapshots: what both sides of a comparison have in
/// common is decoded once, and the results are those of decoding each side alone.
@Suite("Parse memo")
struct ParseMemoTests {
    @Test func aComparisonDecodesAnUnchangedAnswerOnce() throws {
        let fixture = try WorkspaceFixture()
        let stored = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        for question in ["priorities", "identities", "backing-up-data"] {
            _ = try fixture.open().updateAnswer(stored.workload.id, lens: nil, question: question, update: AnswerUpdate(none: true))
        }
        let base = try #require(try fixture.head())
        _ = try fixture.open().updateAnswer(
            stored.workload.id, lens: nil, question: "identities",
            update: AnswerUpdate(select: ["sec_identities_unique"]))

        let workspace = try fixture.open()
        let comparison = WorkspaceComparison(
            base: try workspace.snapshot(.revision(base.hex)), head: try workspace.snapshot(.revision("HEAD")))
        let result = try comparison.compare(baseLabel: "base", headLabel: "HEAD")
        // Three answers on each side, two of them the same files: four distinct blobs.
        #expect(workspace.parsed.answers.count == 4)
        #expect(result.diff.workloads.count == 1)

        // The same comparison with nothing shared gives the same diff.
        let alone = try fixture.open()
        let separate = WorkspaceComparison(
            base: try alone.snapshot(.revision(base.hex)), head: try fixture.open().snapshot(.revision("HEAD")))
        #expect(try separate.compare(baseLabel: "base", headLabel: "HEAD").diff == result.diff)
    }
}
