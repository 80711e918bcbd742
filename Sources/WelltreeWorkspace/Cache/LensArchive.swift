import WelltreeCore

/// A lens that passed import, in a compact binary form that loads again without parsing or
/// validating JSON: the format of the on-disk lens cache (WelltreeWorkspace's `LensCache`).
///
/// An archive records what it stands for: the kind of lens it was validated as (official and
/// custom lenses are checked differently, so one file can pass as one and fail as the other)
/// and a key naming the source content (the blob id of the lens version file). `decode` gives
/// nil unless both match what the caller asks for, so an archive never stands in for another
/// file or another validation.
///
/// Format (little-endian): the 8-byte magic `WTLNSv1\n`; the kind (0 official, 1 custom); the
/// key (UInt8 length + bytes); the lens; an FNV-1a 64 checksum of everything before it. A lens
/// is its schema version, name, description and pillars; a pillar its id, name and questions;
/// a question its id, title, description?, helpful resource?, choices and risk rules; a choice
/// its id, title, description?, helpful resource?, improvement plan? and additional resources?;
/// a resource its display text and url?; additional resources their type and links; a rule its
/// condition and risk (0 high, 1 medium, 2 none). Strings are a UInt32 byte count and UTF-8,
/// arrays a UInt32 count and the elements, optionals a byte 0 (absent) or 1 and the value.
///
/// Decoding never trusts the bytes: every read is bounds-checked, counts are checked against
/// the bytes left before anything is allocated, strings must be valid UTF-8, tags must be known,
/// and nothing may follow the lens. A damaged, truncated or foreign archive decodes to nil.
/// The encoding is canonical: whatever `decode` accepts, `encode` gives back byte for byte.
package enum LensArchive {
    /// The format version, in the magic. Increase it whenever the format changes or the loader
    /// could give a different lens (or refuse) for the same file, so archives written by an
    /// older Welltree are ignored instead of standing in for what the loader now says.
    package static let version = 1
    private static let magic = Array("WTLNSv\(version)\n".utf8)
    private static let checksumSize = 8
    /// Rule risks by their code in the format, fixed here rather than by the enum's case order.
    private static let risks: [RuleRisk] = [.high, .medium, .none]

    /// The archive of `lens`, validated as `kind`, made from the content named by `key` (at most
    /// 255 bytes).
    package static func encode(_ lens: Lens, kind: LensKind, key: [UInt8]) -> [UInt8] {
        precondition(key.count <= 255, "an archive key is at most 255 bytes")
        var writer = Writer()
        writer.bytes = magic
        writer.byte(kind == .official ? 0 : 1)
        writer.byte(UInt8(key.count))
        writer.bytes.append(contentsOf: key)
        writer.lens(lens)
        writer.integer(checksum(writer.bytes[...]))
        return writer.bytes
    }

    /// The lens in `bytes`, or nil unless they are a whole, undamaged archive of a lens
    /// validated as `kind` and made from the content named by `key`.
    package static func decode(_ bytes: [UInt8], kind: LensKind, key: [UInt8]) -> Lens? {
        let header = magic.count + 2 + key.count
        guard key.count <= 255, bytes.count >= header + checksumSize, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - checksumSize
        var trailer = BinaryReader(bytes[...], from: end)
        guard let stored = trailer.integer(UInt64.self), stored == checksum(bytes[..<end]) else { return nil }
        var reader = Reader(input: BinaryReader(bytes[...], from: magic.count, to: end))
        guard reader.input.byte() == (kind == .official ? 0 : 1), reader.input.byte() == UInt8(key.count),
            reader.input.take(key.count)?.elementsEqual(key) == true
        else { return nil }
        guard let lens = reader.lens(), reader.input.atEnd else { return nil }
        return lens
    }

    /// The archive's checksum (FNV-1a, 64 bits).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        fnv1a64(bytes)
    }
}

// MARK: Writing

extension LensArchive {
    private struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ value: UInt8) {
            bytes.append(value)
        }

        mutating func integer<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func count(_ n: Int) {
            precondition(n <= UInt32.max, "a lens field too large for an archive")
            integer(UInt32(n))
        }

        mutating func string(_ text: String) {
            count(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { return byte(0) }
            byte(1)
            write(&self, value)
        }

        mutating func array<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            count(values.count)
            for value in values { write(&self, value) }
        }

        mutating func lens(_ lens: Lens) {
            string(lens.schemaVersion)
            string(lens.name)
            string(lens.description)
            array(lens.pillars) { $0.pillar($1) }
        }

        mutating func pillar(_ pillar: LensPillar) {
            string(pillar.id)
            string(pillar.name)
            array(pillar.questions) { $0.question($1) }
        }

        mutating func question(_ question: LensQuestion) {
            string(question.id)
            string(question.title)
            optional(question.description) { $0.string($1) }
            optional(question.helpfulResource) { $0.resource($1) }
            array(question.choices) { $0.choice($1) }
            array(question.riskRules) { $0.rule($1) }
        }

        mutating func choice(_ choice: LensChoice) {
            string(choice.id)
            string(choice.title)
            optional(choice.description) { $0.string($1) }
            optional(choice.helpfulResource) { $0.resource($1) }
            optional(choice.improvementPlan) { $0.resource($1) }
            optional(choice.additionalResources) { writer, groups in
                writer.array(groups) { writer, group in
                    writer.string(group.type)
                    writer.array(group.content) { $0.resource($1) }
                }
            }
        }

        mutating func resource(_ resource: LensResource) {
            string(resource.displayText)
            optional(resource.url) { $0.string($1) }
        }

        mutating func rule(_ rule: RiskRule) {
            string(rule.condition)
            byte(UInt8(LensArchive.risks.firstIndex(of: rule.risk)!))
        }
    }
}

// MARK: Reading

extension LensArchive {
    /// Bounds-checked reads of the fields above; each gives nil when the bytes are not what the
    /// format allows there.
    private struct Reader {
        var input: BinaryReader

        /// A length or element count; never more than the bytes left, as every element takes
        /// at least one byte, so a damaged count cannot make the reader allocate.
        mutating func count() -> Int? {
            guard let n = input.integer(UInt32.self), Int(n) <= input.remaining else { return nil }
            return Int(n)
        }

        mutating func string() -> String? {
            guard let length = count(), let text = input.take(length) else { return nil }
            return String(validating: text, as: UTF8.self)
        }

        mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
            switch input.byte() {
            case 0: return .some(nil)
            case 1: return read(&self).map { .some($0) }
            default: return nil
            }
        }

        mutating func array<T>(_ read: (inout Reader) -> T?) -> [T]? {
            guard let n = count() else { return nil }
            var values: [T] = []
            values.reserveCapacity(n)
            for _ in 0..<n {
                guard let value = read(&self) else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func lens() -> Lens? {
            guard let schemaVersion = string(), let name = string(), let description = string(),
                let pillars = array({ $0.pillar() })
            else { return nil }
            return Lens(schemaVersion: schemaVersion, name: name, description: description, pillars: pillars)
        }

        mutating func pillar() -> LensPillar? {
            guard let id = string(), let name = string(), let questions = array({ $0.question() }) else { return nil }
            return LensPillar(id: id, name: name, questions: questions)
        }

        mutating func question() -> LensQuestion? {
            guard let id = string(), let title = string(), let description = optional({ $0.string() }),
                let helpfulResource = optional({ $0.resource() }), let choices = array({ $0.choice() }),
                let riskRules = array({ $0.rule() })
            else { return nil }
            return LensQuestion(
                id: id, title: title, description: description, helpfulResource: helpfulResource, choices: choices,
                riskRules: riskRules)
        }

        mutating func choice() -> LensChoice? {
            guard let id = string(), let title = string(), let description = optional({ $0.string() }),
                let helpfulResource = optional({ $0.resource() }), let improvementPlan = optional({ $0.resource() }),
                let additionalResources = optional({ $0.array { $0.additionalResources() } })
            else { return nil }
            return LensChoice(
                id: id, title: title, description: description, helpfulResource: helpfulResource,
                improvementPlan: improvementPlan, additionalResources: additionalResources)
        }

        mutating func additionalResources() -> LensAdditionalResources? {
            guard let type = string(), let content = array({ $0.resource() }) else { return nil }
            return LensAdditionalResources(type: type, content: content)
        }

        mutating func resource() -> LensResource? {
            guard let displayText = string(), let url = optional({ $0.string() }) else { return nil }
            return LensResource(displayText: displayText, url: url)
        }

        mutating func rule() -> RiskRule? {
            guard let condition = string(), let code = input.byte(), Int(code) < LensArchive.risks.count else { return nil }
            return RiskRule(condition: condition, risk: LensArchive.risks[Int(code)])
        }
    }
}
