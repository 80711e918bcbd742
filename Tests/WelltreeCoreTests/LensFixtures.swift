import Foundation
import Testing

@testable import WelltreeCore

/// Reads the small lens files under Fixtures/lenses, each written for one behaviour.
enum LensFixtures {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "no fixture named \(name)" }
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "Fixtures/lenses/\(name)", withExtension: nil) else {
            throw Missing(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Imports a fixture that must pass.
    static func load(_ name: String, kind: LensKind = .custom) throws -> LensLoadResult {
        try LensLoader.load(bytes(name), file: name, kind: kind)
    }

    /// Imports a fixture that must be refused, returning the refusal.
    static func rejection(_ name: String, kind: LensKind = .custom) throws -> LensValidationError {
        do {
            let result = try LensLoader.load(bytes(name), file: name, kind: kind)
            Issue.record("\(name) was accepted: \(result.lens.name)")
            throw Missing(name: name)
        } catch let error as LensValidationError {
            return error
        }
    }
}
