import WelltreeCore
import WelltreeWorkspace

/// The properties the fuzz targets check on arbitrary bytes, shared by the libFuzzer harnesses
/// (`Fuzz/`) and by the regression tests that replay every input a fuzzer once crashed on.
///
/// Beyond "does not crash", each check states what must hold for any input the parser accepts,
/// so the fuzzer also finds wrong answers: an accepted document must come back unchanged
/// through Welltree's own canonical encoding. A violated property stops the process with a
/// precondition failure, which libFuzzer records as a crash.
package enum FuzzCheck {
    /// Lens import: accepted lenses export canonically and import again to an equal lens, their
    /// lens-cache archive decodes to an equal lens, and evaluating them does not crash. Returns
    /// whether the input was accepted (and so the properties were checked), for replays to count.
    @discardableResult
    package static func lens(_ bytes: [UInt8]) -> Bool {
        guard let loaded = try? LensLoader.load(bytes, file: "fuzz.json") else { return false }
        guard let exported = try? CanonicalJSON.encode(loaded.lens) else {
            preconditionFailure("an imported lens must encode")
        }
        // Read back as an official lens: the export of a compact file near the 500 KB limit
        // may be larger than the limit for custom lenses, which is not what is checked here.
        let again = try? LensLoader.load(exported, file: "export.json", kind: .official)
        precondition(again?.lens == loaded.lens, "an exported lens must import to an equal lens")
        precondition((try? CanonicalJSON.encode(again!.lens)) == exported, "a lens export must be byte-stable")
        let archive = LensArchive.encode(loaded.lens, kind: .custom, key: [])
        precondition(LensArchive.decode(archive, kind: .custom, key: []) == loaded.lens, "a lens archive must decode to its lens")
        let evaluator = LensEvaluator(lens: loaded.lens)
        var answers: [String: Answer] = [:]
        for (index, question) in loaded.lens.pillars.flatMap(\.questions).enumerated() {
            let choices = question.choices.map(\.id)
            answers[question.id] = Answer(
                selectedChoices: choices.enumerated().filter { ($0.offset + index) % 2 == 0 }.map(\.element),
                notApplicableChoices: choices.last.map { [$0: ChoiceNotApplicable()] } ?? [:])
        }
        _ = evaluator.review(answers: answers)
        return true
    }

    /// Risk conditions: an accepted condition prints to text that parses to the same condition.
    /// Returns whether the input was accepted.
    @discardableResult
    package static func condition(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let condition = try? RiskCondition.parse(text) else { return false }
        let printed = condition.description
        precondition(
            (try? RiskCondition.parse(printed)) == condition,
            "\(text.debugDescription) printed as \(printed.debugDescription) reads differently")
        return true
    }

    /// Workspace files: the first byte picks a decoder, the rest is the file. Whatever decodes
    /// must encode canonically to bytes that decode to an equal value and encode identically;
    /// any JSON the strict parser accepts must serialise canonically to a fixed point. Returns
    /// whether the selected decoder accepted the file.
    @discardableResult
    package static func workspaceFile(_ data: [UInt8]) -> Bool {
        guard let selector = data.first else { return false }
        let bytes = Array(data.dropFirst())
        switch selector % 5 {
        case 0: return roundTrip(Workload.self, bytes)
        case 1: return roundTrip(StoredAnswer.self, bytes)
        case 2: return roundTrip(LensRecord.self, bytes)
        case 3: return roundTrip(WorkspaceSettings.self, bytes)
        default:
            guard let node = try? JSONParser.parse(bytes) else { return false }
            let canonical = CanonicalJSON.serialize(node.value)
            guard let reparsed = try? JSONParser.parse(canonical) else {
                preconditionFailure("canonical JSON must parse: \(String(decoding: canonical, as: UTF8.self))")
            }
            precondition(CanonicalJSON.serialize(reparsed.value) == canonical, "canonical JSON must be a fixed point")
            return true
        }
    }

    private static func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ bytes: [UInt8]) -> Bool {
        guard let value = try? JSONNodeDecoder().decode(type, from: bytes) else { return false }
        guard let encoded = try? CanonicalJSON.encode(value) else { preconditionFailure("a decoded \(type) must encode") }
        let again = try? JSONNodeDecoder().decode(type, from: encoded)
        precondition(again == value, "a \(type) must decode from its own encoding to an equal value")
        precondition((try? CanonicalJSON.encode(again!)) == encoded, "the encoding of a \(type) must be byte-stable")
        return true
    }
}
