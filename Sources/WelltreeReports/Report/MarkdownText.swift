/// Building blocks for Markdown documents that carry user-supplied text safely: every string
/// a reviewer typed is escaped, so a workload named `<script>` or `*bold*` prints as typed.
package enum MarkdownText {
    /// Backslash-escapes the punctuation that means something inline in CommonMark (and in GFM
    /// tables), so text renders literally and cannot open HTML, links or emphasis.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }

    /// One table cell: escaped, on one line (line breaks become `<br>`, which GFM tables allow).
    package static func cell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    /// A GFM table; `numeric` columns are right-aligned.
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result = ""
        for (index, line) in lines.enumerated() {
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            if line.isEmpty {
                result += ">\n"
            } else {
                result += "> " + escape(line) + (next.isEmpty ? "" : "\\") + "\n"
            }
        }
        return result
    }

    /// A link whose target is used only when it is an http(s) address; otherwise just the text.
    package static func link(_ text: String, _ url: String?) -> String {
        guard let url, isWebAddress(url) else { return escape(text) }
        var target = ""
        for character in url {
            switch character {
            case "(": target += "%28"
            case ")": target += "%29"
            case " ": target += "%20"
            case "<": target += "%3C"
            case ">": target += "%3E"
            default: target.append(character)
            }
        }
        return "[\(escape(text))](\(target))"
    }
}

/// True for `http://` and `https://` addresses, the only links reports follow (no `javascript:`).
package func isWebAddress(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
}
