import CPangoCairo
import Testing
@testable import WelltreePDF

/// Loading cairo and Pango at run time: the system's libraries load, and a missing library or
/// function is named in the error, with the package to install.
@Suite struct PangoCairoLoaderTests {
    @Test func theSystemLibrariesLoad() throws {
        #expect(PangoCairo.sonames == ["libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libgobject-2.0.so.0"])
        _ = try PangoCairo.load()
    }

    @Test func aMissingLibraryIsNamed() throws {
        var sonames = PangoCairo.sonames
        sonames[Int(CPANGOCAIRO_PANGOCAIRO.rawValue)] = "libwelltree-no-such-library.so.0"
        let error = try #require(throws: PDFError.self) { try PangoCairo.load(sonames: sonames) }
        guard case .libraryNotLoaded(let library, let reason) = error else {
            Issue.record("expected a library that could not be loaded, got \(error)")
            return
        }
        #expect(library == "libwelltree-no-such-library.so.0")
        #expect(reason.contains("libwelltree-no-such-library.so.0"), "the dynamic loader's message: \(reason)")
        #expect(error.description.hasPrefix("cannot load libwelltree-no-such-library.so.0 ("))
        #expect(error.description.hasSuffix("apt-get install libpangocairo-1.0-0)"))
    }

    /// The C library stands in for cairo: it loads, but has none of cairo's functions.
    @Test func aMissingFunctionIsNamedWithItsLibrary() throws {
        var sonames = PangoCairo.sonames
        sonames[Int(CPANGOCAIRO_CAIRO.rawValue)] = "libc.so.6"
        let error = try #require(throws: PDFError.self) { try PangoCairo.load(sonames: sonames) }
        guard case .functionNotFound(let function, let library) = error else {
            Issue.record("expected a missing function, got \(error)")
            return
        }
        #expect(function.hasPrefix("cairo_") && library == "libc.so.6")
        #expect(error.description.hasPrefix("libc.so.6 has no function \(function) "))
        #expect(error.description.hasSuffix("apt-get install libpangocairo-1.0-0)"))
    }
}
