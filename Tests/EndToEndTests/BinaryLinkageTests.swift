import Foundation
import Testing

/// What the built binary links: only the process can tell.
@Suite struct BinaryLinkageTests {
    #if os(Linux)
        /// cairo, Pango and their dependencies are loaded only when a PDF is rendered (the test
        /// above): linked, every command would pay for loading them at start-up.
        @Test func theBinaryDoesNotLinkThePDFLibraries() throws {
            let result = try Run.program("ldd", [Run.welltree])
            #expect(result.status == 0, "\(result)")
            let libraries = result.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: \.isWhitespace).first }
            #expect(libraries.contains { $0.hasPrefix("libc.so") }, "ldd listed no libraries: \(result)")
            for library in ["libpango", "libcairo", "libgobject", "libglib", "libharfbuzz"] {
                #expect(!libraries.contains { $0.hasPrefix(library) }, "welltree loads \(library) at start-up")
            }
        }
    #endif
}
