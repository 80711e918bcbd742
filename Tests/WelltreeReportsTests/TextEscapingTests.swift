import Foundation
import TestSupport
import Testing
import WelltreeCore
@testable import WelltreeReports

/// The escaping functions every output goes through: `TerminalText` for terminals, `MarkdownText`
/// for Markdown (checked by rendering with cmark-gfm, the CommonMark implementation GitHub uses),
/// `HTMLText` for HTML and `jsonText` for JSON. Hostile strings are those of issue 16: OSC 52,
/// CSI 2J, a line break followed by a heading, a link, an image, a script.
@Suite("Escaping for every medium")
struct TextEscapingTests {
    static let hostile = [
        "Shop\u{1B}]52;c;ZWNobyBwd25lZA==\u{7}",  // OSC 52: writes the reader's clipboard
        "Shop\u{1B}[2J\u{1B}[H",  // CSI 2J: clears the screen
        "Shop\u{1B}]0;retitled\u{7}\r\u{1B}[2K",  // OSC 0 and an erased line
        "Shop\n# Injected heading",
        "Shop\r\n- injected item\n1. ordered",
        "[link](http://x)",
        "![img](http://x)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "rtl\u{202E}gnp.exe",
        "csi\u{9B}31m c1",
        "    indented code",
        "---",
        "Title\n===",
        "`code` **bold** _em_ ~~strike~~ $x$",
        "http://bare.example www.bare.example",
        "a | b | c",
        "> quoted",
        "```\nfenced\n```",
        "[ref]: http://x",
        "&amp; &#60;",
        "back\\slash\\",
    ]

    /// The characters a random string is made of: text, every Markdown special, line breaks,
    /// controls, bidirectional overrides and non-Latin script.
    static let alphabet: [Unicode.Scalar] = Array(
        "aZ0 9.-+=#*_`[]()<>!|~&$:/\\\"'\n\r\t{}wW@".unicodeScalars)
        + ["\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}", "\u{200E}", "\u{202E}", "\u{2066}",
           "\u{2028}", "\u{2029}", "é", "東", "👍"]

    static func randomStrings(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &generator)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet.randomElement(using: &generator)!) }
            return String(text)
        }
    }

    static func hasUnsafe(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> Bool {
        text.unicodeScalars.contains { UnsafeCharacter.isUnsafe($0) && !kept.contains($0) }
    }

    // MARK: Terminal

    @Test("a terminal line has no control character, bidi override or line break", arguments: hostile)
    func terminalLine(_ text: String) {
        let escaped = TerminalText.line(text)
        #expect(!Self.hasUnsafe(escaped))
        #expect(!escaped.contains("\u{1B}") && !escaped.contains("\n"))
    }

    @Test func terminalEscapesAreVisibleAndLeaveTextAlone() {
        #expect(TerminalText.line("Shop\u{1B}[2J") == "Shop\\u{1B}[2J")
        #expect(TerminalText.line("a\nb\tc") == "a\\u{A}b c")
        #expect(TerminalText.line("rtl\u{202E}x") == "rtl\\u{202E}x")
        #expect(TerminalText.block("notes\nline two\r\n\ttabbed\u{7}") == "notes\nline two\r\n\ttabbed\\u{7}")
        #expect(TerminalText.block("lone\rcarriage") == "lone\\u{D}carriage")
        for text in ["Retail Website - North America", "東京 café Ωμέγα 👍🏽 ·→…", "", "a\u{A0}b © ½"] {
            #expect(TerminalText.line(text) == text)
            #expect(TerminalText.block(text) == text)
        }
    }

    @Test("property: escaped text never carries an unsafe character, and escaping twice changes nothing")
    func terminalProperty() {
        for text in Self.randomStrings(count: 2000, seed: 16) {
            let line = TerminalText.line(text)
            let block = TerminalText.block(text)
            #expect(!Self.hasUnsafe(line), "\(text.debugDescription)")
            #expect(!Self.hasUnsafe(block.replacingOccurrences(of: "\r\n", with: "\n"), keeping: ["\n", "\t"]), "\(text.debugDescription)")
            #expect(TerminalText.line(line) == line)
            #expect(TerminalText.block(block) == block)
            // The byte pre-check agrees with the per-scalar definition.
            #expect(UnsafeCharacter.occurs(in: text) == Self.hasUnsafe(text), "\(text.debugDescription)")
        }
    }

    @Test func tableCellsAreEscapedAndStayAligned() {
        var table = TextTable(["NAME", "HRIS"], alignments: [.left, .right])
        table.add(["Shop\u{1B}]52;c;eA==\u{7}\nfake row", "1"])
        table.add(["Plain", "2"])
        let text = table.render()
        #expect(!Self.hasUnsafe(text, keeping: ["\n"]))
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("Shop\\u{1B}]52;c;eA==\\u{7}\\u{A}fake row     1"))
    }

    @Test func keyValueValuesKeepTheirLinesButNothingElse() {
        let text = keyValueLines([("Name", "Shop"), ("Notes", "one\u{1B}[2J\ntwo")])
        #expect(text == "Name   Shop\nNotes  one\\u{1B}[2J\n       two\n")
    }

    // MARK: JSON

    @Test func jsonEscapesEveryUnsafeCharacterAndStillParses() throws {
        struct Shape: Encodable { var Name: String }
        let name = "a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\u{2028}f·g→h"
        let text = jsonText(Shape(Name: name))
        #expect(!Self.hasUnsafe(text, keeping: ["\n"]))
        #expect(text.contains("\\u001b") && text.contains("\\u007f") && text.contains("\\u009b") && text.contains("\\u202e"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["Name"] == name)
    }

    // MARK: HTML

    @Test(arguments: hostile)
    func htmlHasNoMarkupAndNoUnsafeCharacter(_ text: String) {
        let escaped = HTMLText.escape(text)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
        #expect(!Self.hasUnsafe(escaped, keeping: ["\n", "\t"]))
    }

    // MARK: Markdown

    /// What a reader sees of `text` put through `MarkdownText.escape`: leading blanks gone, tab
    /// as a space, unsafe characters as `\u{XXXX}`; as HTML text.
    static func shown(_ text: String, trimmingTrailing: Bool = true) -> String {
        var visible = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                visible += " "
            } else if UnsafeCharacter.isUnsafe(scalar) {
                visible += UnsafeCharacter.visible(scalar)
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        while visible.first == " " { visible.removeFirst() }
        while trimmingTrailing, visible.last == " " { visible.removeLast() }
        return htmlText(visible)
    }

    /// Text as cmark escapes it in HTML.
    static func htmlText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Renders Markdown as GitHub does (GFM extensions; raw HTML allowed, as GitHub allows some).
    static func render(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "cmark-gfm", "--unsafe", "--extension", "table", "--extension", "autolink", "--extension", "strikethrough",
            "--extension", "tasklist",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "cmark-gfm is installed by scripts/install-dependencies")
        return String(decoding: data, as: UTF8.self)
    }

    /// E-mail addresses are turned into `mailto:` links by GFM after parsing, whatever the
    /// escaping; such a link shows its own address. Removed before comparing.
    static func withoutMailtoLinks(_ html: String) -> String {
        html.replacingOccurrences(of: #"<a href="mailto:[^"]*">([^<]*)</a>"#, with: "$1", options: .regularExpression)
    }

    /// Expects `html` to be `expected`, naming the first line that differs.
    static func expectSame(_ html: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard html != expected else { return }
        let got = html.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        Issue.record(
            "rendered HTML differs at line \(line + 1):\n  got:      \(line < got.count ? String(got[line]) : "<end>")\n  expected: \(line < want.count ? String(want[line]) : "<end>")",
            sourceLocation: sourceLocation)
    }

    static func cases() -> [String] { hostile + randomStrings(count: 400, seed: 52) }

    @Test("property: escaped text renders literally in a paragraph, a heading, a list item and a link")
    func markdownRendersLiterally() throws {
        let texts = Self.cases()
        let paragraphs = texts.enumerated().map { "P\($0.offset)P " + MarkdownText.escape($0.element) }.joined(separator: "\n\n")
        let expectedParagraphs = texts.enumerated().map { "<p>P\($0.offset)P \(Self.shown($0.element))".trimmingTrailingSpace + "</p>\n" }
        Self.expectSame(Self.withoutMailtoLinks(try Self.render(paragraphs)), expectedParagraphs.joined())

        let headings = texts.map { "### " + MarkdownText.escape($0) }.joined(separator: "\n")
        Self.expectSame(Self.withoutMailtoLinks(try Self.render(headings)), texts.map { "<h3>\(Self.shown($0))</h3>\n" }.joined())

        let items = texts.map { "- " + MarkdownText.escape($0) }.joined(separator: "\n")
        let expectedItems = "<ul>\n" + texts.map { "<li>\(Self.shown($0))</li>\n" }.joined() + "</ul>\n"
        Self.expectSame(Self.withoutMailtoLinks(try Self.render(items)), expectedItems)

        let links = texts.map { "- " + MarkdownText.link("L " + $0, "https://example.com/a b(c)\n# x") }.joined(separator: "\n")
        let expectedLinks = "<ul>\n" + texts.map {
            "<li><a href=\"https://example.com/a%20b%28c%29%0A#%20x\">\(Self.shown("L " + $0, trimmingTrailing: false))</a></li>\n"
        }.joined() + "</ul>\n"
        Self.expectSame(Self.withoutMailtoLinks(try Self.render(links)), expectedLinks)
    }

    @Test("property: a table cell stays in its cell and a quote stays one block quote")
    func markdownCellsAndQuotes() throws {
        let texts = Self.cases()
        var table = "| N | Text |\n| --- | --- |\n"
        for (index, text) in texts.enumerated() { table += "| \(index) | \(MarkdownText.cell(text)) |\n" }
        let html = Self.withoutMailtoLinks(try Self.render(table))
        var expected = "<table>\n<thead>\n<tr>\n<th>N</th>\n<th>Text</th>\n</tr>\n</thead>\n<tbody>\n"
        for (index, text) in texts.enumerated() {
            let lines = textLines(text).map { Self.shown($0, trimmingTrailing: false) }.joined(separator: "<br>")
            expected += "<tr>\n<td>\(index)</td>\n<td>\(lines.trimmingTrailingSpace)</td>\n</tr>\n"
        }
        expected += "</tbody>\n</table>\n"
        Self.expectSame(html, expected)

        for text in texts where !textLines(text).allSatisfy({ Self.shown($0).isEmpty }) {
            let quoted = Self.withoutMailtoLinks(try Self.render(MarkdownText.quote(text)))
            #expect(quoted.hasPrefix("<blockquote>\n<p>") && quoted.hasSuffix("</p>\n</blockquote>\n"), "\(text.debugDescription): \(quoted)")
            let inner = quoted.dropFirst("<blockquote>\n".count).dropLast("</blockquote>\n".count)
            for tag in ["<h", "<ul", "<ol", "<li", "<pre", "<code", "<table", "<hr", "<a ", "<img", "<script", "<em", "<strong", "<del", "<blockquote"] {
                #expect(!inner.contains(tag), "\(text.debugDescription) made \(tag): \(quoted)")
            }
        }
    }

    @Test func codeSpansHoldAnyTextLiterally() throws {
        for text in ["plain", "a`b``c", "`edge`", "x|y", "line\nbreak", "esc\u{1B}[2J"] {
            let html = try Self.render("C " + MarkdownText.code(text))
            let visible = text.unicodeScalars.map { UnsafeCharacter.isUnsafe($0) ? UnsafeCharacter.visible($0) : String($0) }.joined()
            #expect(html == "<p>C <code>\(Self.htmlText(visible))</code></p>\n", "\(text.debugDescription)")
            let cell = try Self.render("| A |\n| --- |\n| \(MarkdownText.code(text, inTable: true)) |\n")
            #expect(cell.contains("<td><code>\(Self.htmlText(visible))</code></td>"), "\(text.debugDescription): \(cell)")
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
