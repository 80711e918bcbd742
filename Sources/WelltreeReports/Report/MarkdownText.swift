import WelltreeCore

/// Building blocks for Markdown documents that carry text from the repository safely.
///
/// Markdown reports and pull-request comments (`welltree diff --format markdown`, `check`'s
/// Markdown, `report --format markdown`) quote names, titles and notes that anyone with push
/// access may have written. Rendered by GitHub, GitLab or any CommonMark processor, that text
/// must show as typed and nothing else: it cannot start a heading, a list item, a block quote, a
/// code block, a table row or a thematic break; cannot open a link, an image, an autolink, raw
/// HTML, emphasis or math; and no line break in it can leave the line or table cell it was put
/// in. Control characters and bidirectional overrides are shown as `\u{XXXX}` (see
/// `UnsafeCharacter`).
package enum MarkdownText {
    /// ASCII punctuation that means something inline in CommonMark or GFM: backslash escapes,
    /// code spans, emphasis, links and images, raw HTML and entities, table pipes, ATX headings,
    /// strikethrough and math (`$`).
    private static let inlineSpecial: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "$",
    ]

    /// One line of text for any inline place: a heading, a list item, emphasis, a link's text.
    ///
    /// Every inline-special character is backslash-escaped; so are the markers that mean
    /// something at the start of a line (`-`, `+`, `=`, `1.`, `1)`), since the text may stand
    /// there; leading blanks are dropped (four of them would start a code block). The `:` of
    /// `://` and the `.` of `www.` are escaped, so no bare address becomes an autolink. Tab
    /// becomes a space; a line break or any other unsafe character is written as `\u{XXXX}`, its
    /// backslash escaped, so it shows as that text and the line stays one line.
    package static func escape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.unicodeScalars.reserveCapacity(scalars.count + 8)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        var digitsAtStart = start < scalars.count && ("0"..."9").contains(scalars[start])
        for index in start..<scalars.count {
            let scalar: Unicode.Scalar = scalars[index] == "\t" ? " " : scalars[index]
            if index == start && (scalar == "-" || scalar == "+" || scalar == "=") {
                result.unicodeScalars.append("\\")
            } else if digitsAtStart && !("0"..."9").contains(scalar) {
                digitsAtStart = false
                if scalar == "." || scalar == ")" { result.unicodeScalars.append("\\") }
            }
            if UnsafeCharacter.isUnsafe(scalar) {
                result += "\\" + UnsafeCharacter.visible(scalar)
                continue
            }
            if inlineSpecial.contains(scalar)
                || (scalar == ":" && index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/")
                || (scalar == "." && index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" })
            {
                result.unicodeScalars.append("\\")
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// One table cell: each line escaped, lines joined with `<br>` (which GFM tables allow), so
    /// the cell stays on its row.
    package static func cell(_ text: String) -> String {
        textLines(text).map(escape).joined(separator: "<br>")
    }

    /// A code span (`` `id` ``) holding `text` literally: the fence is longer than any run of
    /// backticks inside. A code span shows backslashes as they are, so unsafe characters are
    /// written as `\u{XXXX}` unescaped; in a table cell (`inTable`) `|` is escaped, as GFM
    /// requires even inside code spans.
    package static func code(_ text: String, inTable: Bool = false) -> String {
        var content = ""
        var longestRun = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
            if UnsafeCharacter.isUnsafe(scalar) {
                content += UnsafeCharacter.visible(scalar)
            } else if scalar == "|" && inTable {
                content += "\\|"
            } else {
                content.unicodeScalars.append(scalar)
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") || content.hasPrefix(" ") ? " " : ""
        return fence + pad + content + pad + fence
    }

    /// A GFM table; `numeric` columns are right-aligned. Cells must already be escaped (`cell`).
    package static func table(_ headers: [String], numeric: Set<Int> = [], rows: [[String]]) -> String {
        var text = "| " + headers.joined(separator: " | ") + " |\n|"
        for index in headers.indices { text += numeric.contains(index) ? " ---: |" : " --- |" }
        text += "\n"
        for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
        return text
    }

    /// Multi-line text as a block quote, each line escaped. Line breaks are kept as hard breaks
    /// (a trailing backslash) and blank lines as paragraph breaks, so notes read as they were typed.
    package static func quote(_ text: String) -> String {
        let lines = textLines(text).map(escape)
        var result = ""
        for (index, line) in lines.enumerated() {
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            if line.isEmpty {
                result += ">\n"
            } else {
                result += "> " + line + (next.isEmpty ? "" : "\\") + "\n"
            }
        }
        return result
    }

    /// A link whose target is used only when it is an http(s) address; otherwise just the text.
    /// The target has every character that could end or break it percent-encoded.
    package static func link(_ text: String, _ url: String?) -> String {
        guard let url, isWebAddress(url) else { return escape(text) }
        var target = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(", ")", "<", ">", "\\", "\"", "'", "`", " ":
                target += percentEncoded(scalar)
            default:
                if UnsafeCharacter.isUnsafe(scalar) || scalar.properties.isWhitespace {
                    target += percentEncoded(scalar)
                } else {
                    target.unicodeScalars.append(scalar)
                }
            }
        }
        return "[\(escape(text))](\(target))"
    }

    /// `%XX` for each UTF-8 byte of `scalar`.
    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" : "") + hex
        }.joined()
    }
}

/// True for `http://` and `https://` addresses, the only links reports follow (no `javascript:`).
package func isWebAddress(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
}
