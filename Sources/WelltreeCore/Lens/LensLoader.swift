/// Imports lens files: parses the JSON, checks every rule of the lens format and builds a `Lens`.
///
/// Strict where a mistake would change what a review means (limits, ids, rules, conditions),
/// lenient where real lenses deviate harmlessly, each leniency reported as a warning:
///
/// - a key repeated in one object (seen in a real lens): the last value counts, as in the
///   JSON readers of JavaScript and Python;
/// - keys the format does not define (`_version`, `number`, a pillar `description` ...) are
///   dropped; keeping them would make exports carry data Welltree does not understand;
/// - `"url": ""` is read as no url;
/// - a question without a `default` rule is accepted (AWS imports such lenses); an answer that
///   matches none of its rules is UNANSWERED;
/// - choices that no rule mentions, rules after `default` (never reached), whitespace around a
///   condition (trimmed), and characters outside the service's restricted set.
///
/// Every error is collected, so a lens author fixes a file in one go. Decisions beyond the
/// format's table: a question's `description` is optional (real lenses omit it), and a pillar
/// must have at least one question (a pillar without questions cannot be reviewed; the only such
/// file seen is not a lens at all).
package enum LensLoader {
    /// The only schema version of the lens format.
    package static let schemaVersion = "2021-11-01"

    /// Reads and checks a lens file. `file` only names the file in diagnostics.
    package static func load(_ bytes: [UInt8], file: String, kind: LensKind = .custom) throws(LensValidationError) -> LensLoadResult {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, allowingDuplicateKeys: true)
        } catch {
            let diagnostic = LensDiagnostic(
                file: file, path: .root, position: error.position,
                message: "not valid JSON: \(error.message) at \(error.position)", isError: true)
            throw LensValidationError(file: file, errors: [diagnostic], warnings: [])
        }
        var reader = LensReader(bytes: bytes, file: file, kind: kind)
        if kind == .custom, bytes.count > LensLimits.fileSize {
            reader.error(
                "the file is \(bytes.count) bytes; a custom lens cannot exceed 500 KB (\(LensLimits.fileSize) bytes)",
                at: .root, root)
        }
        let lens = reader.readLens(root)
        let errors = reader.diagnostics.filter(\.isError)
        let warnings = reader.diagnostics.filter { !$0.isError }
        guard errors.isEmpty else { throw LensValidationError(file: file, errors: errors, warnings: warnings) }
        return LensLoadResult(lens: lens, warnings: warnings)
    }

    /// Reads and checks a lens given as text.
    package static func load(_ text: String, file: String, kind: LensKind = .custom) throws(LensValidationError) -> LensLoadResult {
        try load(Array(text.utf8), file: file, kind: kind)
    }
}
