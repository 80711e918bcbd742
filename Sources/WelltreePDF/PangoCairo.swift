import CPangoCairo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// cairo, Pango and GObject, loaded with `dlopen` when the first PDF is rendered instead of linked
/// into the executable: linked, they and their dependencies (34 shared libraries) were loaded by
/// every `welltree` command, about 5 ms of start-up, and PDF reports are the only thing that
/// needs them.
///
/// `functions` holds the addresses of the C functions WelltreePDF calls, declared in CPangoCairo;
/// call them as `functions.cairo_move_to(cr, x, y)`.
struct PangoCairo: Sendable {
    /// The libraries' functions.
    let functions: CPangoCairoFunctions

    /// The libraries, loaded once per process on first use (Swift initialises a static `let`
    /// exactly once, thread-safely). A failure is kept as well: libraries do not appear while
    /// the process runs.
    static let loaded = Result { () throws(PDFError) in try load() }

    /// The sonames the libraries are installed under, in `CPangoCairoLibrary` order.
    static let sonames = (0..<cpangocairo_library_count).map { String(cString: cpangocairo_sonames[$0]) }

    /// Opens `sonames` (in `CPangoCairoLibrary` order) and looks up every function in the
    /// library that defines it. The libraries stay loaded for the life of the process: GLib's
    /// type system cannot be unloaded, so nothing is ever closed, not even after a failure.
    static func load(sonames: [String] = sonames) throws(PDFError) -> PangoCairo {
        precondition(sonames.count == cpangocairo_library_count, "one soname per CPangoCairoLibrary")
        var handles: [UnsafeMutableRawPointer] = []
        for soname in sonames {
            guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
                throw .libraryNotLoaded(library: soname, reason: dlerror().map { String(cString: $0) } ?? "unknown error")
            }
            handles.append(handle)
        }
        let table = UnsafeMutableRawPointer.allocate(
            byteCount: MemoryLayout<CPangoCairoFunctions>.size, alignment: MemoryLayout<CPangoCairoFunctions>.alignment)
        defer { table.deallocate() }
        for symbol in UnsafeBufferPointer(start: cpangocairo_symbols, count: cpangocairo_symbol_count) {
            let library = Int(symbol.library.rawValue)
            guard let address = dlsym(handles[library], symbol.name) else {
                throw .functionNotFound(function: String(cString: symbol.name), library: sonames[library])
            }
            table.storeBytes(of: address, toByteOffset: symbol.offset, as: UnsafeMutableRawPointer.self)
        }
        // Every field is written: the C side checks that the symbol list covers the struct.
        return PangoCairo(functions: table.load(as: CPangoCairoFunctions.self))
    }
}
