import WelltreeReports

/// How a piece of text is drawn. Colours are dropped when the terminal has none or `NO_COLOR`
/// is set; the screen never depends on them to tell states apart (markers do that).
package struct TextStyle: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    package static let bold = TextStyle(rawValue: 1 << 0)
    package static let dim = TextStyle(rawValue: 1 << 1)
    package static let inverse = TextStyle(rawValue: 1 << 2)
    package static let red = TextStyle(rawValue: 1 << 3)
    package static let yellow = TextStyle(rawValue: 1 << 4)
    package static let green = TextStyle(rawValue: 1 << 5)
    package static let cyan = TextStyle(rawValue: 1 << 6)

    /// The SGR parameters of this style.
    var parameters: [String] {
        var result: [String] = []
        if contains(.bold) { result.append("1") }
        if contains(.dim) { result.append("2") }
        if contains(.inverse) { result.append("7") }
        if contains(.red) { result.append("31") }
        if contains(.green) { result.append("32") }
        if contains(.yellow) { result.append("33") }
        if contains(.cyan) { result.append("36") }
        return result
    }
}

/// One screen line as styled pieces, cut to the terminal's width when drawn.
///
/// Span text is escaped with `TerminalText.line` as it is added: a lens title, a note or a
/// workload name from the repository cannot move the cursor, retitle the window or erase the
/// screen. Styles are applied only by `rendered`, around the escaped text.
package struct StyledLine: Sendable, Equatable {
    package var spans: [Span]

    package struct Span: Sendable, Equatable {
        package var text: String
        package var style: TextStyle
    }

    package init(_ text: String = "", _ style: TextStyle = []) {
        spans = text.isEmpty ? [] : [Span(text: TerminalText.line(text), style: style)]
    }

    package mutating func append(_ text: String, _ style: TextStyle = []) {
        if !text.isEmpty { spans.append(Span(text: TerminalText.line(text), style: style)) }
    }

    /// The text without styles.
    package var plain: String { spans.map(\.text).joined() }

    /// Columns the text takes (one per character; the lenses' text is not East Asian).
    package var width: Int { spans.reduce(0) { $0 + $1.text.count } }

    /// The line cut to `width` columns, with escape sequences only when `colour` is set.
    package func rendered(width: Int, colour: Bool) -> String {
        var remaining = width
        var result = ""
        for span in spans where remaining > 0 {
            let text = String(span.text.prefix(remaining))
            remaining -= text.count
            let parameters = colour ? span.style.parameters : []
            result += parameters.isEmpty ? text : "\u{1B}[\(parameters.joined(separator: ";"))m\(text)\u{1B}[0m"
        }
        return result
    }
}

/// Breaks text into lines of at most `width` columns at spaces, cutting words longer than a line
/// (links). Existing line breaks are kept; each line is escaped for the terminal first
/// (`TerminalText.line`), so the widths are those of what is drawn.
package func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    for paragraph in textLines(text).map(TerminalText.line) {
        var line = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty && line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line = String(word)
        }
        lines.append(line)
    }
    return lines
}
