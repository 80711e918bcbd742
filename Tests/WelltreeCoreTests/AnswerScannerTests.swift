import Testing

@testable import WelltreeCore

/// The scanner must decide exactly what the decoder and evaluator decide, and give up (so the
/// decoder takes over) on everything else.
@Suite("Answer scanner")
struct AnswerScannerTests {
    static let evaluator: LensEvaluator? = try? LensEvaluator(lens: LensFixtures.load("evaluation.json").lens)

    /// The canonical bytes Welltree writes for an answer (the same encoding as StoredAnswer).
    static func canonical(
        _ answer: Answer, notes: String? = "Checked with the team.\nSee \"ADR-17\" / runbook.",
        updatedAt: String = "2026-11-27T11:05:36Z"
    ) throws -> [UInt8] {
        var answer = answer
        answer.notes = notes
        for (id, _) in answer.notApplicableChoices {
            answer.notApplicableChoices[id] = ChoiceNotApplicable(reason: .businessPriorities, notes: "Handled by the platform team")
        }
        var value = try JSONValueEncoder().encode(answer)
        if case .object(var members) = value {
            members.append(JSONMember(key: "updatedAt", node: JSONNode(.string(updatedAt), offset: 0)))
            value = .object(members)
        }
        return CanonicalJSON.serialize(value)
    }

    static func scan(_ bytes: [UInt8], question: String) throws -> (ScannedAnswer?, Int) {
        let evaluator = try #require(Self.evaluator)
        let index = try #require(evaluator.questionIndex(of: question))
        let result = bytes.withUnsafeBytes { AnswerScanner.scan($0, choices: evaluator.choices(ofQuestion: index)) }
        return (result, index)
    }

    @Test("scanned canonical answers get the evaluator's risk", arguments: EvaluationCase.all)
    func sameRisk(_ row: EvaluationCase) throws {
        let evaluator = try #require(Self.evaluator)
        let bytes = try Self.canonical(row.answer)
        let (scanned, index) = try Self.scan(bytes, question: row.question)
        let choices = evaluator.lens.pillars.flatMap(\.questions).first { $0.id == row.question }?.choices.map(\.id) ?? []
        if !(row.selected + row.notApplicable).allSatisfy(choices.contains) {
            // An id the question does not have: left to the decoder, which ignores it.
            #expect(scanned == nil)
            return
        }
        let answer = try #require(scanned, "the scanner gave up on \(String(decoding: bytes, as: UTF8.self))")
        let risk = evaluator.risk(
            questionAt: index, selected: answer.selected, notApplicable: answer.notApplicable, isApplicable: answer.isApplicable)
        #expect(risk == row.expected)
        let decoded = try JSONNodeDecoder().decode(Answer.self, from: bytes)
        #expect(risk == evaluator.risk(questionId: row.question, answer: decoded))
        let time = try #require(answer.updatedAt)
        #expect(String(decoding: bytes[time], as: UTF8.self) == "2026-11-27T11:05:36Z")
    }

    @Test("compact or reordered JSON of the same schema is scanned too")
    func anyWhitespaceAndOrder() throws {
        let evaluator = try #require(Self.evaluator)
        let question = try #require(EvaluationCase.all.first { !$0.selected.isEmpty })
        let ids = question.selected.map { "\"\($0)\"" }.joined(separator: ",")
        let text = #"{"updatedAt":"2026-01-01T00:00:00Z","notes":"é 東京 \t","isApplicable":true,"selectedChoices":[\#(ids)]}"#
        let (scanned, index) = try Self.scan(Array(text.utf8), question: question.question)
        let answer = try #require(scanned)
        let decoded = try JSONNodeDecoder().decode(Answer.self, from: Array(text.utf8))
        #expect(
            evaluator.risk(questionAt: index, selected: answer.selected, notApplicable: answer.notApplicable, isApplicable: true)
                == evaluator.risk(questionId: question.question, answer: decoded))
    }

    @Test(
        "anything unusual is left to the decoder",
        arguments: [
            "",
            "[]",
            #"{"selectedChoices": ["nope"]}"#,
            #"{"selectedChoices": null}"#,
            #"{"notes": "a\u0041"}"#,
            #"{"notes": "a", "notes": "b"}"#,
            #"{"reason": "MAYBE"}"#,
            #"{"extra": 1}"#,
            "{\"notes\": \"tab\u{09}inside\"}",
            #"{"isApplicable": true} x"#,
            #"{"isApplicable": true"#,
            #"{"notApplicableChoices": {"x": {"notes": "no reason"}}}"#,
            #"{"updatedAt": "2026\/01"}"#,
            "\u{FEFF}{}",
        ])
    func fallsBack(_ text: String) throws {
        let question = try #require(EvaluationCase.all.first).question
        #expect(try Self.scan(Array(text.utf8), question: question).0 == nil)
    }

    @Test("best practices marked not applicable: scanned when well formed, left to the decoder otherwise")
    func notApplicableMembers() throws {
        let case_ = try #require(EvaluationCase.all.first { !$0.notApplicable.isEmpty })
        let id = try #require(case_.notApplicable.first)
        let good = #"{"notApplicableChoices": {"\#(id)": {"notes": "n", "reason": "OTHER"}}}"#
        let (scanned, index) = try Self.scan(Array(good.utf8), question: case_.question)
        let mask = try #require(scanned).notApplicable
        let evaluator = try #require(Self.evaluator)
        let table = evaluator.choices(ofQuestion: index)
        let position = Array(id.utf8).withUnsafeBytes { table.index(of: $0) }
        #expect(mask == 1 << UInt64(try #require(position)))
        for bad in [
            #"{"notApplicableChoices": {"\#(id)": {"notes": "no reason"}}}"#,
            #"{"notApplicableChoices": {"\#(id)": {"reason": "OTHER"}, "\#(id)": {"reason": "OTHER"}}}"#,
            #"{"notApplicableChoices": {"\#(id)": {"reason": "OTHER", "reason": "OTHER"}}}"#,
            #"{"notApplicableChoices": {"\#(id)": {"reason": "OTHER", "extra": 1}}}"#,
            #"{"notApplicableChoices": {"\#(id)": {"reason": "MAYBE"}}}"#,
            #"{"notApplicableChoices": {"\#(id)": {"reason": "OTHER"},}}"#,
        ] {
            #expect(try Self.scan(Array(bad.utf8), question: case_.question).0 == nil, "\(bad)")
        }
    }

    @Test("invalid UTF-8 in a string is left to the decoder, which rejects it")
    func invalidUTF8() throws {
        let question = try #require(EvaluationCase.all.first).question
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let bytes = Array(#"{"notes": ""#.utf8) + bad + Array(#""}"#.utf8)
            #expect(try Self.scan(bytes, question: question).0 == nil)
            #expect(throws: JSONDocumentError.self) { try JSONNodeDecoder().decode(Answer.self, from: bytes) }
        }
    }

    @Test("an answer file for a question the lens does not have is left to the decoder")
    func unknownQuestion() {
        let bytes = Array(#"{"selectedChoices": ["a"]}"#.utf8)
        #expect(bytes.withUnsafeBytes { AnswerScanner.scan($0, choices: nil) } == nil)
        #expect(Array(#"{"notes": "x"}"#.utf8).withUnsafeBytes { AnswerScanner.scan($0, choices: nil) } != nil)
    }
}
