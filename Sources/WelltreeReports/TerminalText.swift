import WelltreeCore

/// Text read from a repository made safe to print to a terminal.
///
/// Anything in a review repository may have been written by someone else: a workload name in a
/// hand-edited `workload.json`, answer notes, a custom lens's titles, a milestone tag's message.
/// Printed raw, an escape sequence in such text drives the reader's terminal (OSC 52 writes the
/// clipboard, CSI 2J clears the screen, OSC 0 retitles the window), a carriage return overwrites
/// what was printed before it, and a right-to-left override reorders the rest of the line.
///
/// Every human-readable output passes such text through one of these two functions. They write
/// each unsafe character (see `UnsafeCharacter`) as `\u{XXXX}`, so it is visible, cannot act, and
/// the text around it is shown as it is. Printable text, non-Latin scripts and emoji are untouched.
package enum TerminalText {
    /// One line: a name, a title, a table cell. Tab becomes a space; line breaks and every other
    /// unsafe character are written as `\u{XXXX}`, so nothing can start a new line or a sequence.
    package static func line(_ text: String) -> String {
        guard UnsafeCharacter.occurs(in: text) else { return text }
        return UnsafeCharacter.escape(text.contains("\t") ? text.replacingOccurrences(of: "\t", with: " ") : text)
    }

    /// Text of several lines: notes, descriptions, a whole command output. Newline, tab and a
    /// carriage return just before a newline are kept (they only end a line); every other unsafe
    /// character is written as `\u{XXXX}`.
    package static func block(_ text: String) -> String {
        UnsafeCharacter.escape(text, keepingLineBreaks: true)
    }
}

/// The lines of `text`, split at LF and CRLF (a lone CR stays in its line, for the medium to show
/// as `\u{D}`).
package func textLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
        pending = scalars.next()
        if scalar == "\r" && pending == "\n" { continue }
        if scalar == "\n" {
            lines.append(String(current))
            current = String.UnicodeScalarView()
        } else {
            current.append(scalar)
        }
    }
    lines.append(String(current))
    return lines
}
