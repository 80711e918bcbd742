import Foundation
import Testing
import WelltreeCore
@testable import WelltreePDF
@testable import WelltreeReports

/// The PDF report read back with poppler: `pdftotext` must find the questions, notes and
/// non-Latin text, and `pdftoppm` must render every page.
@Suite struct PDFReportTests {
    let directory = NSTemporaryDirectory() + "welltree-pdf-" + UUID().uuidString

    func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes the PDF and returns its path.
    func write(_ model: WorkloadReportModel) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/report.pdf"
        let bytes = try WorkloadReportPDF.render(model)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func text(of path: String) throws -> String {
        let (status, text) = try run("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(status == 0)
        // Lines wrap wherever the layout put them: compare with whitespace collapsed.
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func textIsSelectableAndComplete() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try text(of: write(ReportFixture.model()))
        for expected in [
            "Retail Website - North America", "How do you determine what your priorities are?",
            "How do you classify your data?", "Governance is set by the parent company", "Business priorities",
            "Priorities are reviewed every quarter.", "東京", "Évaluation des règles: trimestrielle.", "Ωμέγα",
            "東京リージョンのフェイルオーバー手順", "drift is reported within a day.", "Improvement plan",
            "https://example.com/improve/sec_identities_a", "Page 1 of", "Lens notes",
            "Reviewed with the storefront team; next review in March.", "Pillar notes", "Penetration test booked for January.",
        ] {
            #expect(text.contains(expected), "pdftotext lost \(expected)")
        }
        // Not a single question is dropped.
        for question in ReportFixture.lens.pillars.flatMap(\.questions) { #expect(text.contains(question.title)) }
    }

    @Test func theConsolidatedReportListsEveryWorkloadAndItsRisks() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var second = ReportFixture.model()
        second.workload.name = "Payments API · 東京"
        let model = ConsolidatedReportModel(workloads: [ReportFixture.model(), second], commit: String(repeating: "c", count: 40), generatedAt: "2026-11-27T10:00:00Z")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/consolidated.pdf"
        try Data(try ConsolidatedReportPDF.render(model)).write(to: URL(fileURLWithPath: path))
        let text = try text(of: path)
        for expected in ["Consolidated report", "2 workloads", "Retail Website - North America", "Payments API · 東京", "Questions at risk", "cccccccccccc"] {
            #expect(text.contains(expected), "pdftotext lost \(expected)")
        }
        // The summary page, then one section per workload starting on a new page.
        #expect(text.contains("Page 1 of 3") && text.contains("Page 3 of 3"))
        // Bookmarks: the summary, then each workload and its lenses on their pages.
        let outline = try PDFStructure(path: path).outline.map { "\($0.level) \($0.title) p\($0.page)" }
        let expected = [
            "0 Workloads p1", "0 Retail Website - North America p2", "1 Sample Lens 1.0 p2", "0 Payments API · 東京 p3",
            "1 Sample Lens 1.0 p3",
        ]
        #expect(outline == expected)
        let empty = try ConsolidatedReportPDF.render(ConsolidatedReportModel(workloads: [], generatedAt: "2026-11-27T10:00:00Z"))
        #expect(empty.starts(with: Array("%PDF-".utf8)))
    }

    @Test func milestoneHeaderAndPageNumbers() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write(ReportFixture.milestoneModel())
        let text = try text(of: path)
        #expect(text.contains("Milestone 3 \u{201C}Launch review\u{201D}"))
        #expect(text.contains("good signature by Alice Example"))
        let (_, info) = try run("pdfinfo", [path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 2)
        #expect(text.contains("Page \(pages) of \(pages)"))
    }

    /// Notes longer than a page continue on the next one instead of running off the page.
    @Test func longNotesWrapAcrossPages() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var model = ReportFixture.model()
        let paragraph = (1...120).map { "Line \($0) of a very long note that has to wrap and continue." }.joined(separator: " ")
        model.lenses[0].pillars[0].questions[0].notes = paragraph + " THE-END"
        let text = try text(of: write(model))
        #expect(text.contains("Line 1 of a very long note"))
        #expect(text.contains("Line 120 of a very long note that has to wrap and continue. THE-END"))
    }

    @Test func pagesRender() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write(ReportFixture.milestoneModel())
        let (status, _) = try run("pdftoppm", ["-r", "40", "-png", path, directory + "/page"])
        #expect(status == 0)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".png") }
        #expect(pngs.count >= 2)
        for png in pngs {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + png))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 2_000)
        }
    }
}
