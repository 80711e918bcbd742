/// A plain-text table for people: columns padded to their widest cell, numbers right-aligned.
///
/// Cells are escaped with `TerminalText.line` as they are added: a cell is one line of text that
/// can neither break the table's rows nor act on the terminal, whatever the repository held.
package struct TextTable {
    package enum Alignment { case left, right }

    package var headers: [String]
    package var alignments: [Alignment]
    package var rows: [[String]] = []

    package init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row; each cell is escaped for the terminal.
    package mutating func add(_ row: [String]) {
        rows.append(row.map(TerminalText.line))
    }

    /// The table as lines, headers first, columns separated by two spaces, no trailing blanks.
    package func render() -> String {
        let all = [headers] + rows
        // Each cell is measured once (a dashboard table has 60,000 cells).
        let cellWidths = all.map { row in row.prefix(headers.count).map(displayWidth) }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cellWidths {
            for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) }
        }
        var text = ""
        text.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count))
        for (r, row) in all.enumerated() {
            for (i, cell) in row.prefix(widths.count).enumerated() {
                if i > 0 { text += "  " }
                let pad = widths[i] - cellWidths[r][i]
                let isLast = i == widths.count - 1
                switch alignments[i] {
                case .left:
                    text += cell
                    if !isLast { text += String(repeating: " ", count: pad) }
                case .right:
                    text += String(repeating: " ", count: pad)
                    text += cell
                }
            }
            text += "\n"
        }
        return text
    }
}

/// Columns a string occupies in a terminal: wide East Asian characters take two.
package func displayWidth(_ text: String) -> Int {
    // Plain ASCII (most cells of a large table) is one column per byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .format { return width }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x20000...0x3FFFD).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// Key-value lines for one record, keys padded to the widest: "Name         Retail Website".
/// Values may have several lines (notes), indented under the first; they are escaped with
/// `TerminalText.block`, so nothing in them acts on the terminal.
package func keyValueLines(_ pairs: [(String, String)]) -> String {
    let width = pairs.map { displayWidth($0.0) }.max() ?? 0
    return pairs.map { key, value in
        let pad = String(repeating: " ", count: width - displayWidth(key))
        let lines = TerminalText.block(value).split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: width + 2)
        return key + pad + "  " + lines.joined(separator: "\n" + indent)
    }.joined(separator: "\n") + "\n"
}
