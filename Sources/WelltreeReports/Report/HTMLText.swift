import WelltreeCore

/// Building blocks for self-contained HTML reports. Output is also well-formed XML (every
/// element closed, only the five XML entities), so tests and tools can parse it strictly.
package enum HTMLText {
    /// Escapes text for element content and attribute values alike: a workload named
    /// `<script>` renders as text and cannot close an attribute. Tab and newline stay (notes are
    /// shown with `white-space: pre-wrap`); every other unsafe character (controls, which XML 1.0
    /// does not allow, and bidirectional overrides, which would reorder the page's text) is
    /// shown as `\u{XXXX}`, as every other output shows it.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if UnsafeCharacter.isUnsafe(scalar) {
                    result += UnsafeCharacter.visible(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A link when `url` is an http(s) address, else the escaped text alone.
    package static func link(_ text: String, _ url: String?) -> String {
        guard let url, isWebAddress(url) else { return escape(text) }
        return "<a href=\"\(escape(url))\">\(escape(text))</a>"
    }

    /// A complete page: one file, styles inline, nothing fetched from the network.
    package static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Welltree"/>
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A two-column table of properties.
    package static func propertiesTable(_ rows: [(String, String)]) -> String {
        var html = "<table class=\"properties\">\n"
        for (key, value) in rows {
            html += "<tr><th scope=\"row\">\(escape(key))</th><td>\(escape(value))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// A CSS class naming a risk, for badges and borders.
    package static func riskClass(_ risk: Risk) -> String {
        switch risk {
        case .high: "high"
        case .medium: "medium"
        case .none: "none"
        case .notApplicable: "na"
        case .unanswered: "unanswered"
        }
    }

    static let stylesheet = """
        :root { --high: #d13212; --medium: #f89256; --none: #1d8102; --na: #879596; --unanswered: #d5dbdb; --ink: #16191f; --muted: #5f6b7a; --rule: #d5dbdb; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Sans CJK JP", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.45; }
        h1 { font-size: 1.9rem; margin: 0.2rem 0; }
        h2 { border-bottom: 2px solid var(--rule); padding-bottom: 0.25rem; margin-top: 2.2rem; }
        h3 { margin-top: 1.6rem; }
        h5 { font-size: 1rem; margin: 0 0 0.3rem 0; }
        h6 { font-size: 0.85rem; margin: 0.6rem 0 0.2rem 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
        .kind, .meta, .version { color: var(--muted); }
        .milestone { background: #f1faff; border-left: 4px solid #0972d3; padding: 0.5rem 0.8rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
        th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.properties th { width: 14rem; color: var(--muted); font-weight: 600; }
        table.properties td { white-space: pre-wrap; }
        tr.total td { font-weight: 700; }
        .cards { display: flex; gap: 0.8rem; flex-wrap: wrap; margin: 0.8rem 0; }
        .card { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 9rem; }
        .card .count { display: block; font-size: 1.8rem; font-weight: 700; }
        .card.high .count { color: var(--high); }
        .card.medium .count { color: var(--medium); }
        .card.stale-evidence .count { color: var(--medium); }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-weight: 600; margin-bottom: 0.3rem; }
        .badge { display: inline-block; border-radius: 3px; padding: 0 0.4rem; font-size: 0.8rem; font-weight: 700; color: #fff; background: var(--na); }
        .badge.high { background: var(--high); }
        .badge.medium { background: var(--medium); color: #16191f; }
        .badge.none { background: var(--none); }
        .badge.unanswered { background: var(--unanswered); color: #16191f; }
        article.question { border-left: 4px solid var(--rule); padding: 0.4rem 0 0.4rem 0.9rem; margin: 0.9rem 0; }
        article.question.high { border-color: var(--high); }
        article.question.medium { border-color: var(--medium); }
        article.question.none { border-color: var(--none); }
        article.question ul { margin: 0.2rem 0; padding-left: 1.3rem; }
        .notes { white-space: pre-wrap; background: #fafafa; border: 1px solid var(--rule); border-radius: 4px; padding: 0.4rem 0.6rem; margin: 0.2rem 0; }
        .reason { font-style: italic; }
        ol.improvements > li { margin-bottom: 0.7rem; }
        .plan { white-space: pre-wrap; color: var(--muted); font-size: 0.9em; }
        nav.contents ol { list-style: none; padding-left: 1.2rem; margin: 0.1rem 0; }
        nav.contents > ol { padding-left: 0; }
        nav.contents > ol > li { margin-top: 0.35rem; font-weight: 600; }
        nav.contents li li { font-weight: normal; }
        nav.contents a { color: inherit; text-decoration: none; }
        nav.contents a:hover { text-decoration: underline; }
        code { font-size: 0.85em; color: var(--muted); }
        footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; }
        @page { size: A4; margin: 16mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          #improvement-plan, #details, section.lens + section.lens { break-before: page; }
          article.question, figure.chart, tr { break-inside: avoid; }
          h2, h3, h4, h5 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          ol.improvements a[href^="http"]::after { content: " \\2013  " attr(href); font-size: 0.75em; color: var(--muted); word-break: break-all; }
          .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
