import TestSupport
import Testing

@testable import WelltreeCore

/// Property: the dashboard's road from an answer file to a risk (`AnswerScanner` straight into
/// choice bit masks, then `LensEvaluator.risk(questionAt:...)`) and `check`'s road (the general
/// decoder into an `Answer`, then `LensEvaluator.risk(questionId:answer:)`) give the same risk
/// for every file the scanner accepts, and the scanner accepts every file of the answer schema
/// written without what it leaves to the decoder (`\u` escapes, ids the question does not have).
/// Random lenses, random answers, each written in random member order and whitespace. Seeded, so
/// every run tries the same cases and a failure names a reproducible one.
@Suite("Scanned and decoded answers get one risk")
struct AnswerScannerPropertyTests {
    static let lenses = 200
    static let answersPerLens = 30

    @Test func scannerAndDecoderAgree() throws {
        var generator = SeededGenerator(seed: 0x5EED_0003)
        var compared = 0
        var leftToDecoder = 0
        var seen = Set<Risk>()
        for lensNumber in 0..<Self.lenses {
            let lens = RiskEvaluationPropertyTests.randomLens(&generator)
            let evaluator = LensEvaluator(lens: lens)
            for _ in 0..<Self.answersPerLens {
                for question in lens.pillars.flatMap(\.questions) {
                    guard var answer = RiskEvaluationPropertyTests.randomAnswer(question, &generator) else { continue }
                    // Ids the question does not have, in one file of four: the decoder's case.
                    if Int.random(in: 0..<4, using: &generator) != 0 {
                        let known = Set(question.choices.map(\.id))
                        answer.selectedChoices = answer.selectedChoices.filter(known.contains)
                        answer.notApplicableChoices = answer.notApplicableChoices.filter { known.contains($0.key) }
                    }
                    let (bytes, clean) = Self.write(
                        answer, updatedAt: "2026-01-0\(Int.random(in: 1...9, using: &generator))T00:00:00Z", &generator)
                    let text = String(decoding: bytes, as: UTF8.self)
                    let decoded = try JSONNodeDecoder().decode(Answer.self, from: bytes)
                    let expected = evaluator.risk(questionId: question.id, answer: decoded)
                    let index = try #require(evaluator.questionIndex(of: question.id))
                    let scanned = bytes.withUnsafeBytes { AnswerScanner.scan($0, choices: evaluator.choices(ofQuestion: index)) }
                    let usesUnknownIds = !(answer.selectedChoices + answer.notApplicableChoices.keys).allSatisfy { id in
                        question.choices.contains { $0.id == id }
                    }
                    guard let scanned else {
                        #expect(!clean || usesUnknownIds, "lens \(lensNumber): the scanner gave up on \(text)")
                        leftToDecoder += 1
                        continue
                    }
                    #expect(!usesUnknownIds, "lens \(lensNumber): an id the question lacks was scanned: \(text)")
                    let risk = evaluator.risk(
                        questionAt: index, selected: scanned.selected, notApplicable: scanned.notApplicable,
                        isApplicable: scanned.isApplicable)
                    #expect(risk == expected, "lens \(lensNumber), \(question.riskRules): \(text)")
                    let time = try #require(scanned.updatedAt)
                    #expect(String(decoding: bytes[time], as: UTF8.self).hasPrefix("2026-01-0"))
                    seen.insert(risk)
                    compared += 1
                }
            }
        }
        // Both roads are taken often, and every risk value is reached, so the comparison is not vacuous.
        #expect(compared > 10_000 && leftToDecoder > 2_000, "\(compared) scanned, \(leftToDecoder) left to the decoder")
        #expect(seen == Set(Risk.allCases))
        ReliabilityLog.record(
            "Property tests (seeded, deterministic)", columns: ["Property", "Cases", "Outcome"],
            [
                "an answer file scanned into bit masks gets the risk its decoded answer gets (random lenses and answers, any member order and whitespace)",
                "\(compared) files scanned, \(leftToDecoder) left to the decoder", "all equal",
            ])
    }

    // MARK: Writing answer files

    /// `answer` as an answer file with `updatedAt`, its members in random order with random JSON
    /// whitespace, and whether it stays in the scanner's language (no `\u` escape).
    static func write(_ answer: Answer, updatedAt: String, _ g: inout SeededGenerator) -> ([UInt8], Bool) {
        var clean = true
        // `\u` escapes, which the scanner leaves to the decoder, in one file of eight.
        let escapes = Int.random(in: 0..<8, using: &g) == 0
        func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "/" where Bool.random(using: &g): out += "\\/"
                default:
                    if escapes, !scalar.isASCII, Bool.random(using: &g) {
                        clean = false
                        out += String(format16: scalar)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func space() -> String {
            String((0..<Int.random(in: 0...2, using: &g)).map { _ in [" ", "\n", "\t", "\r"].randomElement(using: &g)! })
        }
        func object(_ members: [(String, String)]) -> String {
            let shuffled = members.shuffled(using: &g)
            return "{" + space() + shuffled.map { string($0.0) + space() + ":" + space() + $0.1 }.joined(separator: space() + "," + space())
                + space() + "}"
        }
        var members: [(String, String)] = []
        if !answer.selectedChoices.isEmpty || Bool.random(using: &g) {
            members.append(("selectedChoices", "[" + answer.selectedChoices.map(string).joined(separator: "," + space()) + "]"))
        }
        if !answer.notApplicableChoices.isEmpty {
            let marks = answer.notApplicableChoices.sorted { $0.key < $1.key }.map { id, _ in
                (id, object([("reason", string(AnswerReason.allCases.randomElement(using: &g)!.rawValue)), ("notes", string("n/a – 東京"))]))
            }
            members.append(("notApplicableChoices", object(marks)))
        }
        if !answer.isApplicable || Bool.random(using: &g) { members.append(("isApplicable", answer.isApplicable ? "true" : "false")) }
        if let reason = answer.reason { members.append(("reason", string(reason.rawValue))) }
        if Bool.random(using: &g) { members.append(("notes", string("Checked \"twice\" \\ with ops/sre.\nÉté 🚀"))) }
        members.append(("updatedAt", string(updatedAt)))
        let text = space() + object(members) + space()
        return (Array(text.utf8), clean)
    }
}

extension String {
    /// A scalar as JSON `\u` escapes (a surrogate pair outside the Basic Multilingual Plane).
    fileprivate init(format16 scalar: Unicode.Scalar) {
        let units = Array(String(scalar).utf16)
        self = units.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
