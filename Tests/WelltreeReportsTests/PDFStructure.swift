import Foundation

/// What a PDF offers a reader to navigate by, read back from the file: the text of each page
/// (`pdftotext`), the named destinations and their pages (`pdfinfo -dests`), the outline
/// (`pdftohtml -xml`, after the pages), and the link annotations of each page, read from the file's objects
/// (cairo writes them uncompressed).
struct PDFStructure {
    struct OutlineItem: Equatable, CustomStringConvertible {
        var level: Int
        var title: String
        var page: Int
        var description: String { "\(String(repeating: "  ", count: level))\(title) p\(page)" }
    }

    struct Link: Equatable {
        /// 1-based.
        var page: Int
        var destination: String?
        var uri: String?
    }

    let path: String
    let raw: String
    let pageTexts: [String]
    /// Destination name -> 1-based page.
    let destinations: [String: Int]
    let outline: [OutlineItem]
    let links: [Link]

    init(path: String) throws {
        self.path = path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        raw = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        let info = try Self.run("pdfinfo", [path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        pageTexts = try (1...max(pages, 1)).map {
            try Self.run("pdftotext", ["-layout", "-enc", "UTF-8", "-f", "\($0)", "-l", "\($0)", path, "-"])
        }

        var destinations: [String: Int] = [:]
        for line in try Self.run("pdfinfo", ["-dests", path]).split(separator: "\n") {
            guard let match = line.wholeMatch(of: /\s*(\d+)\s+\[.*\]\s+"(.*)"/) else { continue }
            destinations[String(match.2)] = Int(match.1)
        }
        self.destinations = destinations

        var outline: [OutlineItem] = []
        var depth = 0
        for line in try Self.run("pdftohtml", ["-xml", "-stdout", "-i", "-q", path]).split(separator: "\n") {
            if line == "<outline>" { depth += 1 }
            if line == "</outline>" { depth -= 1 }
            if let match = line.wholeMatch(of: /<item page="(\d+)">(.*)<\/item>/) {
                let title = String(match.2).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                outline.append(OutlineItem(level: depth - 1, title: title, page: Int(match.1) ?? 0))
            }
        }
        self.outline = outline

        // Objects: "N 0 obj ... endobj". Pages in the order of the page tree's /Kids.
        var objects: [Int: Substring] = [:]
        for match in raw.matches(of: /(\d+) 0 obj\n((?s).*?)endobj/) { objects[Int(match.1) ?? -1] = match.2 }
        func references(_ key: String, in object: Substring) -> [Int] {
            guard let list = object.firstMatch(of: try! Regex("/\(key) \\[([^\\]]*)\\]")) else { return [] }
            return (list.output[1].substring ?? "").matches(of: /(\d+) 0 R/).compactMap { Int($0.1) }
        }
        let tree = objects.values.first { $0.contains("/Type /Pages") }
        var links: [Link] = []
        let kids = tree.map { references("Kids", in: $0) } ?? []
        for (index, pageId) in kids.enumerated() {
            guard let page = objects[pageId] else { continue }
            for annotation in references("Annots", in: page).compactMap({ objects[$0] }) where annotation.contains("/Subtype /Link") {
                links.append(
                    Link(
                        page: index + 1, destination: annotation.firstMatch(of: /\/Dest \(([^)]*)\)/).map { String($0.1) },
                        uri: annotation.firstMatch(of: /\/URI \((.*)\)\n/).map { String($0.1) }))
            }
        }
        self.links = links
    }

    /// A page's text with whitespace collapsed (lines wrap wherever the layout put them).
    func text(ofPage page: Int) -> String {
        pageTexts[page - 1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PDFToolFailed(tool: tool, status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    struct PDFToolFailed: Error {
        var tool: String
        var status: Int32
    }
}
