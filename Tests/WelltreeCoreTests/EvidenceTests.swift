import Foundation
import Testing

@testable import WelltreeCore

@Suite("Evidence citations")
struct EvidenceTests {
    static let question = AnswerUpdateTests.question
    static let id = String(repeating: "a", count: 40)

    @Test(arguments: [
        ("infra/backup.tf", Evidence(path: "infra/backup.tf")),
        ("./infra/backup.tf:12-40", Evidence(path: "infra/backup.tf", lines: "12-40")),
        ("README.md:7", Evidence(path: "README.md", lines: "7")),
        ("docs/adr/", Evidence(path: "docs/adr")),
        ("ops_canary=deploy/canary.yaml", Evidence(choiceId: "ops_canary", path: "deploy/canary.yaml")),
        ("./a=b.txt", Evidence(path: "a=b.txt")),
        ("https://example.com/x?a=b", Evidence(url: "https://example.com/x?a=b")),
        ("ops_canary=https://example.com/c", Evidence(choiceId: "ops_canary", url: "https://example.com/c")),
        ("javascript:alert(1)", Evidence(url: "javascript:alert(1)")),
        ("time:12:00", Evidence(url: "time:12:00")),
    ])
    func theCommandLineSyntax(text: String, expected: Evidence) {
        #expect(Evidence.parse(text) == expected)
    }

    @Test func aDirectoryWithATrailingSlashIsRefusedSoEveryPathHasOneSpelling() {
        #expect(Evidence.pathRule("docs/adr/") != nil)
        #expect(Evidence.pathRule("docs/adr") == nil)
    }

    @Test func statesCompareTheRecordedIdWithTheCurrentOne() {
        let cited = Evidence(path: "a", confirmedId: Self.id)
        #expect(cited.state(current: Self.id) == .current)
        #expect(cited.state(current: String(repeating: "b", count: 40)) == .changed)
        #expect(cited.state(current: nil) == .missing)
        #expect(Evidence(url: "https://example.com").state(current: nil) == .unchecked)
    }

    @Test func anUpdateAddsReplacesAndClearsCitationsInOneOrder() throws {
        let old = Answer(selectedChoices: ["ops_pipeline"], evidence: [Evidence(path: "b.tf", confirmedId: Self.id)])
        let newer = String(repeating: "c", count: 40)
        let added = try AnswerUpdate(evidence: [
            Evidence(choiceId: "ops_canary", url: "https://example.com"), Evidence(path: "b.tf", confirmedId: newer),
            Evidence(path: "a.tf", confirmedId: Self.id),
        ]).apply(to: old, question: Self.question)
        #expect(added.selectedChoices == ["ops_pipeline"])
        #expect(added.evidence.map(\.target) == ["a.tf", "b.tf", "ops_canary=https://example.com"])
        #expect(added.evidence[1].confirmedId == newer, "citing again records the state anew")
        let cleared = try AnswerUpdate(clearEvidence: true).apply(to: added, question: Self.question)
        #expect(cleared.evidence.isEmpty)
        #expect(try AnswerUpdate(clearEvidence: true).apply(to: Answer(evidence: added.evidence), question: Self.question).isEmpty)
    }

    @Test func anUpdateReportsEveryBrokenRuleAtOnce() {
        let update = AnswerUpdate(evidence: [
            Evidence(path: "../x"), Evidence(url: "ftp://x"), Evidence(choiceId: "nope", path: "a"), Evidence(path: "a"), Evidence(path: "a"),
        ])
        #expect(throws: ValidationError.self) { try update.apply(to: nil, question: Self.question) }
        let violations = Answer.evidenceViolations(update.evidence, question: Self.question, field: "--evidence", requireIds: false)
        #expect(violations.map(\.rule).contains { $0.contains(". or ..") })
        #expect(violations.map(\.rule).contains { $0.contains("http:// or https://") })
        #expect(violations.map(\.rule).contains { $0.contains("is not a choice of question ops_deploy") })
        #expect(violations.map(\.rule).contains { $0.contains("cited twice") })
    }

    @Test func aFileWithoutEvidenceReadsAndWritesAsBefore() throws {
        let bytes = Array("{\n  \"notes\": \"n\",\n  \"selectedChoices\": [\n    \"ops_pipeline\"\n  ]\n}\n".utf8)
        let answer = try JSONNodeDecoder().decode(Answer.self, from: try JSONParser.parse(bytes), source: bytes)
        #expect(answer.evidence.isEmpty)
        #expect(try CanonicalJSON.encode(answer) == bytes)
        var cited = answer
        cited.evidence = [Evidence(path: "a", confirmedId: Self.id)]
        let written = try CanonicalJSON.encode(cited)
        #expect(String(decoding: written, as: UTF8.self).contains("\"evidence\": [\n    {\n      \"confirmedId\""))
        #expect(try JSONNodeDecoder().decode(Answer.self, from: try JSONParser.parse(written), source: written) == cited)
    }
}
