import Foundation
import Git
import Testing

@testable import WelltreeWorkspace

/// The table of built-in lens versions compiled into Welltree against the files it ships.
@Suite("Shipped built-in lens versions")
struct ShippedLensesTests {
    @Test func theTableHoldsTheBlobIdOfEveryShippedVersionFile() throws {
        let scratch = NSTemporaryDirectory() + "welltree-shipped-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let repository = try Repository.create(at: scratch)
        let lenses = WorkspaceFixture.template.root + "/" + Layout.lenses
        var found: [String: [String: String]] = [:]
        for alias in try FileManager.default.contentsOfDirectory(atPath: lenses) {
            let versions = lenses + "/" + alias + "/versions"
            for file in try FileManager.default.contentsOfDirectory(atPath: versions) where file.hasSuffix(".json") {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: versions + "/" + file)))
                found[alias, default: [:]][String(file.dropLast(5))] = try repository.blobID(of: bytes).hex
            }
        }
        #expect(found == ShippedLenses.versionBlobs, "run scripts/generate-builtin-lenses.py --blob-ids")
        #expect(Set(found.keys) == Set(BuiltinLens.aliases))
    }
}
