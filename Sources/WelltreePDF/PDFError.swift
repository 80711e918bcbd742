import Foundation

/// Why a PDF could not be rendered: cairo, Pango and GObject are loaded on the first PDF render
/// (see `PangoCairo`), so a system without them fails here, not when `welltree` starts.
package enum PDFError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// A shared library could not be loaded; `reason` is the dynamic loader's message.
    case libraryNotLoaded(library: String, reason: String)
    /// A library was loaded but lacks a function WelltreePDF calls (a version that is too old).
    case functionNotFound(function: String, library: String)

    /// The Debian and Ubuntu package that installs the libraries: it depends on the others
    /// (Pango, cairo, GLib), whose package names vary between releases.
    package static let runtimePackage = "libpangocairo-1.0-0"

    package var description: String {
        let install = "PDF reports need cairo and Pango: install them (Debian, Ubuntu: apt-get install \(Self.runtimePackage))"
        switch self {
        case .libraryNotLoaded(let library, let reason):
            return "cannot load \(library) (\(reason)); \(install)"
        case .functionNotFound(let function, let library):
            return "\(library) has no function \(function) (too old a version); \(install)"
        }
    }

    package var errorDescription: String? { description }
}
