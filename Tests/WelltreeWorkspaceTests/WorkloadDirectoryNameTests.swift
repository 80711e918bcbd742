import Testing

import WelltreeCore

@testable import WelltreeWorkspace

@Suite("Workload directory names")
struct WorkloadDirectoryNameTests {
    @Test(arguments: [
        ("Retail Website - North America", "retail-website-north-america"),
        ("payments", "payments"),
        ("  Leading and trailing  ", "leading-and-trailing"),
        ("Data_Lake v2.0 (EU)!", "data-lake-v2-0-eu"),
        ("a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j"),
        ("Évaluation Café Ünïcode", "evaluation-cafe-unicode"),
        ("Straße Łódź Œuvre Æsir", "strasse-lodz-oeuvre-aesir"),
        ("Zürich × Genève ÷ 2", "zurich-geneve-2"),
        ("東京 workload", "workload"),
        ("東京のシステム", "workload"),
        ("Ωμέγα", "workload"),
        ("..", "workload"),
        (".", "workload"),
        ("../etc/passwd", "etc-passwd"),
        ("", "workload"),
        ("   ", "workload"),
        ("---", "workload"),
        ("nul\u{0}byte", "nul-byte"),
        ("CON", "con-workload"),
        ("com1", "com1-workload"),
        ("console", "console"),
        ("2026 Q1", "2026-q1"),
        ("emoji 👍🏽 team", "emoji-team"),
    ])
    func slug(name: String, expected: String) {
        #expect(Layout.workloadDirectoryName(for: name) == expected)
    }

    @Test func veryLongNamesAreCutToSixtyFourCharacters() {
        let name = String(repeating: "abcdefghi ", count: 20)
        let slug = Layout.workloadDirectoryName(for: name)
        #expect(slug.count <= Layout.maximumWorkloadDirectoryNameLength)
        #expect(slug == String("abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcd"))
        #expect(slug.count == 64)
    }

    @Test func aCutNeverEndsInADash() {
        let name = String(repeating: "a", count: 63) + " b"
        #expect(Layout.workloadDirectoryName(for: name) == String(repeating: "a", count: 63))
    }

    @Test(arguments: ["", "..", "\u{0}", "/", "ÆØÅ", String(repeating: "Ä", count: 200), "a\u{301}"])
    func slugsAreAlwaysSafe(name: String) {
        let slug = Layout.workloadDirectoryName(for: name)
        #expect(!slug.isEmpty && slug != "." && slug != "..")
        #expect(slug.count <= 64)
        #expect(
            slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
        )
        #expect(slug.first != "-" && slug.last != "-")
    }
}
