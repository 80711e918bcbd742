import Foundation
import Testing

@testable import WelltreeCore

/// Imports every lens of the shared corpus of real-world custom lenses (when present on this
/// machine) and checks that exactly the files EDGE_CASES.md calls broken are refused, for the
/// reason it gives.
@Suite("Corpus of real custom lenses")
struct CorpusLensTests {
    static let directory = URL(fileURLWithPath: "/work/shared/corpus/custom-lenses")

    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Files the corpus notes describe as not importable, with a phrase the first error must hold.
    static let expectedRejections: [String: String] = [
        "wahub__EMR-spark-lens_custom-lens-emr-spark-v1.0.json": "NaN",
        "kdeath83__apra-lens-definition.json": "unknown schemaVersion \"2023-06-22\"",
        "kdeath83__mindforge-lens.json": "\"title\" is 138 characters long; at most 128",
    ]

    @Test("every corpus file imports or is refused for the documented reason")
    func corpus() throws {
        let files = Self.files
        try #require(!files.isEmpty || !FileManager.default.fileExists(atPath: Self.directory.path))
        guard !files.isEmpty else { return }
        var passed = 0
        var rejected: [String] = []
        for url in files {
            let name = url.lastPathComponent
            let bytes = try [UInt8](Data(contentsOf: url))
            do {
                let result = try LensLoader.load(bytes, file: name)
                passed += 1
                #expect(Self.expectedRejections[name] == nil, "\(name) should have been refused")
                print(
                    "ok        \(name)  (\(result.lens.pillars.count) pillars, \(result.lens.questionCount) questions, \(result.lens.choiceCount) choices, \(result.warnings.count) warnings)"
                )
            } catch {
                rejected.append(name)
                print("rejected  \(name)  \(error.errors.count) errors; first: \(error.errors[0])")
                let phrase = try #require(Self.expectedRejections[name], "\(name) refused: \(error)")
                #expect(error.errors[0].description.contains(phrase), "\(error.errors[0])")
            }
        }
        print("\(passed) passed, \(rejected.count) rejected")
        #expect(Set(rejected) == Set(Self.expectedRejections.keys))
    }

    @Test("every importable corpus lens exports and re-imports byte for byte")
    func roundTrip() throws {
        for url in Self.files where Self.expectedRejections[url.lastPathComponent] == nil {
            let lens = try LensLoader.load([UInt8](Data(contentsOf: url)), file: url.lastPathComponent).lens
            let exported = try CanonicalJSON.encode(lens)
            let again = try LensLoader.load(exported, file: "export")
            #expect(again.lens == lens, "\(url.lastPathComponent)")
            #expect(try CanonicalJSON.encode(again.lens) == exported)
            #expect(again.warnings.filter { $0.message.contains("unknown key") || $0.message.contains("empty url") }.isEmpty)
        }
    }
}
