import Foundation
import Git
import TestSupport
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// Property: the two roads from the answer files in a tree to risk counts agree. The dashboard's
/// (`summary(of:)`: each file matched to its question by name, scanned into bit masks, the
/// decoder only for what the scanner leaves) and the gate's (`judged(_:)`: every file decoded
/// with its line, every lens reviewed) give the same counts on random workloads: random answers
/// of the framework lens, some naming ids its questions do not have, some written with `\u`
/// escapes, and files for questions the lens does not have. Seeded and deterministic.
@Suite("The dashboard's and the gate's risks agree")
struct RiskRoadsPropertyTests {
    static let workloads = 12

    @Test func summaryAndJudgementGiveTheSameCounts() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        var generator = SeededGenerator(seed: 0x5EED_0004)
        let lens = try workspace.loadLens(BuiltinLens.framework).lens
        var counted = RiskCounts()
        for number in 0..<Self.workloads {
            var properties = WorkspaceFixture.retail
            properties.name = "Random Workload \(number)"
            let stored = try workspace.createWorkload(properties, lenses: [])
            var changes = ChangeSet()
            for question in lens.pillars.flatMap(\.questions) where Int.random(in: 0..<10, using: &generator) < 7 {
                let path = Layout.answerFile(stored.directory, lens: BuiltinLens.framework, question: question.id)
                changes.write(path, try Self.answerFile(question, &generator))
            }
            let stray = Layout.answerFile(stored.directory, lens: BuiltinLens.framework, question: "no-such-question")
            changes.write(stray, Array(#"{"selectedChoices": ["no_such_choice"]}"#.utf8))
            try workspace.commit(changes, message: "Random answers \(number)")
            let reloaded = try workspace.reloadWorkload(directory: stored.directory)
            let summary = try workspace.summary(of: reloaded)
            var judged = RiskCounts()
            for judgedLens in try workspace.judged(reloaded).lenses { judged.add(judgedLens.review.riskCounts) }
            #expect(summary.riskCounts == judged, "workload \(number)")
            counted.add(judged)
        }
        // Every risk value occurs, so the comparison is not vacuous.
        #expect(Risk.allCases.allSatisfy { counted[$0] > 0 }, "\(counted)")
    }

    /// One answer file for `question`: a random selection (now and then an id the question does
    /// not have), choices marked not applicable, the question itself not applicable in one file
    /// of ten, canonical JSON or, in one file of five, notes written with `\u` escapes.
    static func answerFile(_ question: LensQuestion, _ g: inout SeededGenerator) throws -> [UInt8] {
        var answer = Answer()
        let ids = question.choices.map(\.id)
        answer.selectedChoices = ids.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }
        if Int.random(in: 0..<10, using: &g) == 0 { answer.selectedChoices.append("no_such_choice") }
        for id in ids where !id.hasSuffix("_no") && Int.random(in: 0..<8, using: &g) == 0 {
            answer.notApplicableChoices[id] = ChoiceNotApplicable(reason: .other)
        }
        if Int.random(in: 0..<10, using: &g) == 0 {
            answer.isApplicable = false
            answer.reason = .outOfScope
        }
        let escaped = Int.random(in: 0..<5, using: &g) == 0
        answer.notes = escaped ? "ESCAPED" : "Été"
        var bytes = try CanonicalJSON.encode(StoredAnswer(answer: answer, updatedAt: "2026-03-04T05:06:07Z"))
        if escaped {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "ESCAPED", with: #"\u00c9t\u00e9"#)
            bytes = Array(text.utf8)
        }
        return bytes
    }
}
