import Testing
import WelltreeCore
@testable import WelltreeReports

/// `improvements --format csv`: RFC 4180 records a tracker's importer reads, safe to open in a
/// spreadsheet whatever the repository's texts hold.
@Suite("Improvement plan as CSV")
struct ImprovementCSVTests {
    /// A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF between records.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" && characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }

    static let workload = Workload(
        id: String(repeating: "a", count: 32), name: "=HYPERLINK(\"http://evil.example\",\"Shop\")", description: "d",
        reviewOwner: "Jane", environment: .production, owner: "alice@example.com",
        lenses: [WorkloadLens(alias: "wellarchitected", version: "1.0")], createdAt: "2026-11-27T11:05:36Z",
        updatedAt: "2026-11-27T11:05:36Z")
    static let lens = LensRecord(alias: "wellarchitected", name: "AWS Well-Architected Framework", owner: "AWS", type: .awsOfficial, versions: [])

    static let items = [
        ImprovementItem(
            pillarId: "reliability", pillarName: "Reliability", questionId: "backing-up-data", questionTitle: "How do you back up data?",
            risk: .high,
            missingChoices: [
                LensChoice(
                    id: "rel_backups_secured", title: "+Secure, and \"encrypt\" backups",
                    improvementPlan: LensResource(displayText: "Line one,\nline two\u{1B}[2J", url: "https://docs.aws.amazon.com/x")),
                LensChoice(id: "rel_backups_tested", title: "@Test restores\u{7}"),
            ], improvementPlanURL: "https://docs.aws.amazon.com/q"),
        ImprovementItem(
            pillarId: "security", pillarName: "Security", questionId: "identities", questionTitle: "-How do you manage identities?",
            risk: .medium, missingChoices: [], improvementPlanURL: nil),
    ]

    @Test("one record per missing best practice, header first, every field in its column")
    func records() throws {
        let text = ImprovementCSV.render(workload: Self.workload, lens: Self.lens, items: Self.items)
        #expect(text.hasSuffix("\r\n"))
        let records = Self.parse(text)
        #expect(records.count == 4)
        #expect(records[0] == ImprovementCSV.columns)
        for record in records { #expect(record.count == ImprovementCSV.columns.count) }
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(ImprovementCSV.columns, $0)) }
        #expect(rows.map { $0["best_practice_id"] } == ["rel_backups_secured", "rel_backups_tested", ""])
        #expect(rows.map { $0["priority"] } == ["High", "High", "Medium"])
        #expect(rows.map { $0["risk"] } == ["HIGH", "HIGH", "MEDIUM"])
        #expect(rows[0]["labels"] == "well-architected,reliability,high-risk")
        #expect(rows[0]["link"] == "https://docs.aws.amazon.com/x")
        #expect(rows[1]["link"] == "https://docs.aws.amazon.com/q")
        #expect(rows[0]["body"]?.contains("Line one,\nline two") == true)
        #expect(Set(rows.map { $0["item_id"] ?? "" }).count == 3)
        #expect(rows[0]["item_id"] == ImprovementItem.trackerId(
            workloadId: Self.workload.id, lensAlias: "wellarchitected", questionId: "backing-up-data", choiceId: "rel_backups_secured"))
    }

    @Test("item ids are stable and name workload, lens, question and practice, not titles")
    func stableIds() {
        let one = ImprovementItem.trackerId(workloadId: "w", lensAlias: "l", questionId: "q", choiceId: "c")
        #expect(one == ImprovementItem.trackerId(workloadId: "w", lensAlias: "l", questionId: "q", choiceId: "c"))
        #expect(one.hasPrefix("WT-") && one.count == 19)
        #expect(one != ImprovementItem.trackerId(workloadId: "w", lensAlias: "l", questionId: "qc", choiceId: ""))
        #expect(one != ImprovementItem.trackerId(workloadId: "w", lensAlias: "l", questionId: "q", choiceId: nil))
    }

    @Test("no field a spreadsheet would run as a formula, no control character, no field broken out of")
    func hostileTexts() {
        let records = Self.parse(ImprovementCSV.render(workload: Self.workload, lens: Self.lens, items: Self.items)).dropFirst()
        for record in records {
            for field in record {
                if let first = field.unicodeScalars.first { #expect(!"=+-@\t\r".unicodeScalars.contains(first), "\(field)") }
                #expect(!field.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(field)")
            }
            #expect(record.count == ImprovementCSV.columns.count)
        }
        let first = Array(records)[0]
        #expect(first[0].hasPrefix("'+Secure, and \"encrypt\" backups"))
        #expect(first[4] == "'=HYPERLINK(\"http://evil.example\",\"Shop\")")
        #expect(first[1].contains("line two\\u{1B}[2J"))
        #expect(Array(records)[1][12] == "'@Test restores\\u{7}")
        #expect(Array(records)[2][9] == "'-How do you manage identities?")
    }
}

@Suite("Lens upgrade banner")
struct LensUpgradeBannerTests {
    @Test("the upgrade command quotes any workload name for the shell and escapes it for the terminal")
    func quoting() throws {
        #expect(LensUpgradeBanner.shellQuoted("it's $(rm -rf ~)") == "'it'\\''s $(rm -rf ~)'")
        #expect(LensUpgradeBanner.shellQuoted("readiness-review") == "readiness-review")
        let line = try #require(
            LensUpgradeBanner.line(
                workload: "Shop\u{1B}[2J\nx", alias: "l", lensName: "L", version: "1.0", status: .notCurrent, available: "2.0"))
        #expect(!line.contains("\u{1B}") && !line.contains("\n"))
        #expect(LensUpgradeBanner.line(workload: "w", alias: "l", lensName: "L", version: "1.0", status: .current, available: nil) == nil)
    }
}

