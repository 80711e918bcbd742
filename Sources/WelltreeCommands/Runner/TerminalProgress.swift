#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress counter on standard error, drawn only when standard error is a terminal
/// (logs and pipes get no carriage returns) and at most ten times a second, so it costs nothing
/// measurable in a loop over ten thousand workloads. Commands get one from
/// `Console.progress(_:total:)`.
package struct TerminalProgress {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let write: @Sendable ([UInt8]) -> Void
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// A counter drawn through `write` when `enabled`.
    package init(_ label: String, total: Int, enabled: Bool, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.total = total
        self.enabled = enabled
        self.write = write
        // Work that ends within a tenth of a second shows nothing.
        lastDraw = Self.now()
    }

    /// A counter on the process's standard error, drawn when it is a terminal (for tools
    /// without a `Console`, such as the benchmark).
    package init(_ label: String, total: Int) {
        self.init(label, total: total, enabled: isatty(STDERR_FILENO) == 1) { bytes in
            bytes.withUnsafeBufferPointer { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
    }

    /// Shows `done` of `total`.
    package mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = Self.now()
        guard now &- lastDraw > 100_000_000 else { return }
        lastDraw = now
        drawn = true
        write(Array("\r\(label): \(done)/\(total)".utf8))
    }

    /// Clears the line, if anything was drawn.
    package func finish() {
        guard enabled, drawn else { return }
        write(Array("\r\u{1B}[K".utf8))
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
