#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal settings to put back when a signal ends the process. A signal handler can only
/// reach global state; this is the one global, written before the handlers are installed.
nonisolated(unsafe) private var savedSettings = termios()

/// `write(2)` to standard output, under a name the `Terminal.write` method does not shadow.
private func writeOut(_ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(STDOUT_FILENO, pointer, count)
}

/// Puts the terminal back and ends the process: the handler of SIGTERM, SIGHUP and SIGQUIT while
/// the review owns the screen. Only async-signal-safe calls.
private func restoreAndExit(_ signal: Int32) {
    _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedSettings)
    let leave = "\u{1B}[?25h\u{1B}[?1049l"
    _ = leave.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    _exit(128 + signal)
}

/// The controlling terminal in raw mode on the alternate screen, restored when released (and on
/// SIGTERM, SIGHUP and SIGQUIT). Only the review's own process draws on it.
package final class Terminal {
    private var original = termios()
    private var active = false
    private var decoder = KeyDecoder()

    /// Nil unless both standard input and standard output are terminals.
    package init?() {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
    }

    deinit { leave() }

    /// Switches to raw input (no echo, keys one by one, Ctrl-C as a key) and the alternate screen.
    package func enter() {
        guard !active, tcgetattr(STDIN_FILENO, &original) == 0 else { return }
        savedSettings = original
        var raw = original
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        for sig in [SIGTERM, SIGHUP, SIGQUIT] { signal(sig, restoreAndExit) }
        active = true
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    /// Leaves the alternate screen and puts the settings back.
    package func leave() {
        guard active else { return }
        active = false
        write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &original)
        for sig in [SIGTERM, SIGHUP, SIGQUIT] { signal(sig, SIG_DFL) }
    }

    /// Columns and rows (80x24 when the terminal does not say).
    package var size: (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Draws a whole frame in one write: home, each line cleared to its end, the rest cleared.
    package func draw(_ frame: ReviewFrame, width: Int, colour: Bool) {
        var text = "\u{1B}[?25l\u{1B}[H"
        for (index, line) in frame.lines.enumerated() {
            text += line.rendered(width: width, colour: colour) + "\u{1B}[K"
            if index < frame.lines.count - 1 { text += "\r\n" }
        }
        text += "\u{1B}[J"
        if let cursor = frame.cursor { text += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h" }
        write(text)
    }

    /// Keys typed within `milliseconds` (empty when none, or when input has ended).
    package func readKeys(waiting milliseconds: Int32) -> [Key]? {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 { return errno == EINTR ? [] : nil }
        guard ready > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if count == 0 { return nil }
        return decoder.decode(Array(buffer.prefix(count)))
    }

    package func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { writeOut($0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
