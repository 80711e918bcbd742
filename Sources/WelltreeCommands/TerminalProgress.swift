#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress counter on standard error, drawn only when standard error is a terminal
/// (logs and pipes get no carriage returns) and at most ten times a second, so it costs nothing
/// measurable in a loop over ten thousand workloads.
package struct TerminalProgress {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private var lastDraw: UInt64 = 0
    private var drawn = false

    package init(_ label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1
        // Work that ends within a tenth of a second shows nothing.
        lastDraw = Self.now()
    }

    /// Shows `done` of `total`.
    package mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = Self.now()
        guard now &- lastDraw > 100_000_000 else { return }
        lastDraw = now
        drawn = true
        Self.write("\r\(label): \(done)/\(total)")
    }

    /// Clears the line, if anything was drawn.
    package func finish() {
        guard enabled, drawn else { return }
        Self.write("\r\u{1B}[K")
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
