/// What `lens validate` finds in one lens file: the lens when every import rule of its kind
/// holds (with the harmless deviations as warnings), or every error, or why the file could not
/// be read.
package struct LensVerdict: Sendable {
    /// The file as the user named it.
    package var file: String
    /// The lens, nil when the file was rejected.
    package var lens: Lens?
    package var errors: [LensDiagnostic]
    package var warnings: [LensDiagnostic]
    /// Why the file could not be read, nil when it was.
    package var readFailure: String?

    package init(file: String, lens: Lens?, errors: [LensDiagnostic], warnings: [LensDiagnostic], readFailure: String?) {
        self.file = file
        self.lens = lens
        self.errors = errors
        self.warnings = warnings
        self.readFailure = readFailure
    }

    /// Whether the file would be imported.
    package var passed: Bool { lens != nil }

    /// Judges the bytes of `file` (nil: it could not be read) by the rules `lens import`
    /// applies to a lens of `kind`.
    package static func judge(_ bytes: [UInt8]?, file: String, kind: LensKind) -> LensVerdict {
        guard let bytes else {
            return LensVerdict(file: file, lens: nil, errors: [], warnings: [], readFailure: "cannot read the file")
        }
        do {
            let result = try LensLoader.load(bytes, file: file, kind: kind)
            return LensVerdict(file: file, lens: result.lens, errors: [], warnings: result.warnings, readFailure: nil)
        } catch {
            return LensVerdict(file: file, lens: nil, errors: error.errors, warnings: error.warnings, readFailure: nil)
        }
    }
}
