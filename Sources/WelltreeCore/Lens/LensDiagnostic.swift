/// Which rules a lens file is held to.
package enum LensKind: Sendable, Equatable {
    /// A lens written by users: every rule of the AWS format, with the documented leniency.
    case custom
    /// A lens AWS provides, shipped with Welltree. AWS question ids contain `-` (e.g.
    /// `cloud-financial-management`), the restricted character set of custom-lens texts does not
    /// apply, the 500 KB file quota (a custom-lens quota) is lifted, and choices no rule mentions
    /// are not reported (low-risk practices do not raise risk in AWS lenses).
    case official
}

/// One finding about a lens file: where (file, JSON path, line and column) and what.
package struct LensDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it.
    package var file: String
    /// The JSON path of the value at fault (`pillars[2].questions[4].choices[1].title`).
    package var path: JSONPath
    /// Line and column of that value, when the file parsed far enough to know it.
    package var position: SourcePosition?
    /// What is wrong, phrased as the rule.
    package var message: String
    /// Errors reject the file; warnings only inform.
    package var isError: Bool

    package init(file: String, path: JSONPath, position: SourcePosition?, message: String, isError: Bool) {
        self.file = file
        self.path = path
        self.position = position
        self.message = message
        self.isError = isError
    }

    /// Compiler style, so editors can jump to the place: `file:3:17: error: path: message`.
    package var description: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(isError ? "error" : "warning"): \(path): \(message)"
    }
}

/// A lens file that was refused, with every error found (not just the first) and the warnings.
package struct LensValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it.
    package var file: String
    /// Every reason the file was refused; never empty.
    package var errors: [LensDiagnostic]
    /// Findings that would not have refused the file on their own.
    package var warnings: [LensDiagnostic]

    package init(file: String, errors: [LensDiagnostic], warnings: [LensDiagnostic]) {
        self.file = file
        self.errors = errors
        self.warnings = warnings
    }

    package var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A lens that passed import, with the warnings to show the user.
package struct LensLoadResult: Sendable, Equatable {
    /// The lens as Welltree stores it (unknown keys dropped, empty urls removed, conditions trimmed).
    package var lens: Lens
    /// Harmless deviations found and tolerated.
    package var warnings: [LensDiagnostic]

    package init(lens: Lens, warnings: [LensDiagnostic]) {
        self.lens = lens
        self.warnings = warnings
    }
}
