import Foundation
import Testing

import WelltreeCore

@testable import WelltreeWorkspace

/// The binary form of a parsed lens kept by the lens cache: exact round trips of every real lens
/// at hand, and anything damaged, truncated or made for something else decodes to nil.
@Suite("Lens archive")
struct LensArchiveTests {
    static let key = Array("0123456789abcdefghij".utf8)

    /// Every optional both present and absent, empty and non-ASCII text, every risk.
    static let sample = Lens(
        name: "Sample · 東京 🚀", description: "",
        pillars: [
            LensPillar(
                id: "ppp", name: "P",
                questions: [
                    LensQuestion(
                        id: "qqq", title: "Q?", description: "line\nbreak",
                        helpfulResource: LensResource(displayText: "help", url: "https://example.com/h"),
                        choices: [
                            LensChoice(
                                id: "ccc", title: "C", description: "d", helpfulResource: LensResource(displayText: "h"),
                                improvementPlan: LensResource(displayText: "do it", url: "https://example.com/p"),
                                additionalResources: [
                                    LensAdditionalResources(type: LensAdditionalResources.helpfulResource, content: []),
                                    LensAdditionalResources(
                                        type: LensAdditionalResources.improvementPlan,
                                        content: [LensResource(displayText: "a"), LensResource(displayText: "b", url: "")]),
                                ]),
                            LensChoice(id: "qqq_no", title: "None of these", additionalResources: []),
                        ],
                        riskRules: [
                            RiskRule(condition: "ccc", risk: .none), RiskRule(condition: "!ccc", risk: .medium),
                            RiskRule(condition: "default", risk: .high),
                        ]),
                    LensQuestion(id: "rrr", title: "", choices: [], riskRules: []),
                ]),
            LensPillar(id: "empty", name: "", questions: []),
        ])

    static let builtinAliases = ["wellarchitected", "serverless", "softwareasaservice", "foundationaltechnicalreview"]

    /// Fixtures that import; every other fixture is written to be refused.
    static let importableFixtures = [
        "valid.json", "evaluation.json", "extra-keys.json", "empty-url.json", "missing-default.json",
        "whitespace-condition.json", "ten-pillars.json", "duplicate-key.json", "restricted-characters.json",
        "choice-ids-reused.json", "none-choice-in-rules.json", "unreachable-and-unused.json",
    ]

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lens file at `relative` below the project's root, imported as `kind`.
    static func load(_ relative: String, kind: LensKind) throws -> Lens {
        let path = projectRoot.appendingPathComponent(relative).path
        let bytes = Array(try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
        return try LensLoader.load(bytes, file: relative, kind: kind).lens
    }

    /// The current version of a built-in lens, as the workspace template ships it.
    static func builtinLens(_ alias: String) throws -> Lens {
        try load("workspace-template/lenses/\(alias)/versions/1.1.json", kind: .official)
    }

    /// The shared corpus of real custom lenses, when present on this machine.
    static let corpus = URL(fileURLWithPath: "/work/shared/corpus/custom-lenses")

    static func roundTrips(_ lens: Lens, kind: LensKind) -> Bool {
        let bytes = LensArchive.encode(lens, kind: kind, key: key)
        return LensArchive.decode(bytes, kind: kind, key: key) == lens
    }

    /// `body` with a fresh checksum, so only the structural checks stand between it and a lens.
    static func resealed(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var bytes = Array(body)
        withUnsafeBytes(of: LensArchive.checksum(body).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test("every built-in lens comes back equal", arguments: builtinAliases)
    func builtin(_ alias: String) throws {
        let lens = try Self.builtinLens(alias)
        #expect(Self.roundTrips(lens, kind: .official))
    }

    @Test("every importable fixture comes back equal", arguments: importableFixtures)
    func fixture(_ name: String) throws {
        #expect(Self.roundTrips(try Self.load("Tests/WelltreeCoreTests/Fixtures/lenses/" + name, kind: .custom), kind: .custom))
    }

    @Test("every importable lens of the shared corpus comes back equal")
    func corpus() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? []
        for url in names.filter({ $0.hasSuffix(".json") }).sorted().map({ Self.corpus.appendingPathComponent($0) }) {
            guard let lens = try? LensLoader.load([UInt8](Data(contentsOf: url)), file: url.lastPathComponent).lens else {
                continue
            }
            #expect(Self.roundTrips(lens, kind: .custom), "\(url.lastPathComponent)")
        }
    }

    @Test("a lens with every optional set and unset, odd text and every risk comes back equal")
    func sample() {
        #expect(Self.roundTrips(Self.sample, kind: .custom))
        #expect(Self.roundTrips(Self.sample, kind: .official))
        #expect(Self.roundTrips(Lens(name: "", description: "", pillars: []), kind: .official))
    }

    @Test("the same lens always gives the same bytes")
    func deterministic() throws {
        let lens = try Self.builtinLens("serverless")
        #expect(LensArchive.encode(lens, kind: .official, key: Self.key) == LensArchive.encode(lens, kind: .official, key: Self.key))
    }

    @Test("an archive made for another kind or another key is refused")
    func otherKindOrKey() {
        let bytes = LensArchive.encode(Self.sample, kind: .custom, key: Self.key)
        #expect(LensArchive.decode(bytes, kind: .official, key: Self.key) == nil)
        #expect(LensArchive.decode(bytes, kind: .custom, key: Array(Self.key.reversed())) == nil)
        #expect(LensArchive.decode(bytes, kind: .custom, key: Array(Self.key.prefix(19))) == nil)
        #expect(LensArchive.decode(bytes, kind: .custom, key: []) == nil)
        #expect(LensArchive.decode(bytes, kind: .custom, key: Array(repeating: 0, count: 300)) == nil)
        #expect(LensArchive.decode(bytes, kind: .custom, key: Self.key) == Self.sample)
    }

    @Test("a truncated archive is refused at every length")
    func truncated() {
        let bytes = LensArchive.encode(Self.sample, kind: .custom, key: Self.key)
        for length in 0..<bytes.count {
            #expect(LensArchive.decode(Array(bytes.prefix(length)), kind: .custom, key: Self.key) == nil, "accepted \(length) bytes")
        }
    }

    @Test("a truncated archive of a large lens is refused")
    func truncatedLarge() throws {
        let bytes = LensArchive.encode(try Self.builtinLens("serverless"), kind: .official, key: Self.key)
        for length in stride(from: 0, to: bytes.count, by: 997) + [bytes.count - 1] {
            #expect(LensArchive.decode(Array(bytes.prefix(length)), kind: .official, key: Self.key) == nil, "accepted \(length) bytes")
        }
    }

    @Test("a changed byte anywhere is refused", arguments: [0x01, 0x80, 0xFF] as [UInt8])
    func corrupted(_ mask: UInt8) {
        let bytes = LensArchive.encode(Self.sample, kind: .custom, key: Self.key)
        for position in bytes.indices {
            var damaged = bytes
            damaged[position] ^= mask
            #expect(LensArchive.decode(damaged, kind: .custom, key: Self.key) == nil, "accepted a change at byte \(position)")
        }
    }

    @Test("extra bytes after the archive are refused, checksummed or not")
    func trailing() {
        let bytes = LensArchive.encode(Self.sample, kind: .custom, key: Self.key)
        #expect(LensArchive.decode(bytes + [0], kind: .custom, key: Self.key) == nil)
        let body = bytes.dropLast(8) + [0]
        #expect(LensArchive.decode(Self.resealed(body), kind: .custom, key: Self.key) == nil)
    }

    /// Past the checksum (a damaged body sealed again, as a foreign writer could): the reader
    /// must still never crash or allocate by a damaged count, and whatever it accepts must be
    /// exactly what its bytes encode.
    @Test("a damaged body with a valid checksum gives nil or the lens its bytes encode", arguments: [0x01, 0x20, 0x80, 0xFF] as [UInt8])
    func resealedDamage(_ mask: UInt8) {
        let body = LensArchive.encode(Self.sample, kind: .custom, key: Self.key).dropLast(8)
        for position in body.indices {
            var damaged = body
            damaged[position] ^= mask
            let bytes = Self.resealed(damaged)
            guard let lens = LensArchive.decode(bytes, kind: .custom, key: Self.key) else { continue }
            #expect(LensArchive.encode(lens, kind: .custom, key: Self.key) == bytes, "byte \(position) changed by \(mask)")
        }
    }

    @Test("a truncated body with a valid checksum is refused at every length")
    func resealedTruncation() {
        let body = LensArchive.encode(Self.sample, kind: .custom, key: Self.key).dropLast(8)
        for length in 0..<body.count {
            #expect(LensArchive.decode(Self.resealed(body.prefix(length)), kind: .custom, key: Self.key) == nil, "accepted \(length) bytes")
        }
    }

    @Test("counts larger than the bytes left and text that is not UTF-8 are refused")
    func hostileFields() {
        let good = LensArchive.encode(Lens(name: "n", description: "d", pillars: []), kind: .official, key: [])
        // magic (8), kind, key length, then the schema version's UInt32 byte count.
        let countAt = 10
        var huge = Array(good.dropLast(8))
        huge.replaceSubrange(countAt..<(countAt + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(LensArchive.decode(Self.resealed(huge[...]), kind: .official, key: []) == nil)
        var invalid = Array(good.dropLast(8))
        let textAt = countAt + 4
        invalid[textAt] = 0xC3  // a lead byte followed by ASCII: not UTF-8
        #expect(LensArchive.decode(Self.resealed(invalid[...]), kind: .official, key: []) == nil)
        #expect(LensArchive.decode(Self.resealed(good.dropLast(8)), kind: .official, key: []) != nil)
    }
}
