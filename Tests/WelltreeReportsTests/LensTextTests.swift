import Testing
import WelltreeCore
import WelltreeReports

/// `lens list`, `lens show` and `lens diff` as people read them: aligned, and nothing a lens
/// author wrote acts on the reader's terminal.
@Suite("Lens text")
struct LensTextTests {
    static let hostileName = "Evil\u{1B}]52;c;ZWNobw==\u{7}\nLens"

    static func record(_ alias: String, name: String, type: LensType = .customSelf, versions: [String] = ["1.0"]) -> LensRecord {
        LensRecord(
            alias: alias, name: name, owner: "alice@example.com", type: type,
            versions: versions.map { LensVersionRecord(version: $0, isMajor: $0.hasSuffix(".0"), createdAt: "2026-10-01T08:00:00Z") })
    }

    @Test func listIsAlignedAndEscapesLensNames() {
        let summaries = [
            LensSummaryShape(record: Self.record("wellarchitected", name: "AWS Well-Architected Framework", type: .awsOfficial),
                             description: nil, questionCount: 57),
            LensSummaryShape(record: Self.record("evil", name: Self.hostileName, versions: []), description: nil, questionCount: nil),
        ]
        #expect(LensText.list(summaries) == """
            ALIAS            NAME                                    TYPE          VERSION  QUESTIONS  STATUS
            wellarchitected  AWS Well-Architected Framework          AWS_OFFICIAL  1.0             57  published
            evil             Evil\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}Lens  CUSTOM_SELF   -                -  draft

            """)
    }

    @Test func showListsPillarsAndEscapesTitles() {
        let lens = Lens(
            name: "Sample", description: "About\nthe lens\u{1B}[2J",
            pillars: [
                LensPillar(id: "security", name: "Security\u{1B}[31m", questions: [
                    LensQuestion(
                        id: "sec_a", title: "Title\rover", choices: [LensChoice(id: "sec_a_1", title: "One"), LensChoice(id: "sec_a_2", title: "Two")],
                        riskRules: [RiskRule(condition: "default", risk: .high)])
                ])
            ])
        let text = LensText.show(Self.record("sample", name: "Sample\u{7}", versions: ["1.0", "1.1"]), version: "1.1", lens: lens)
        #expect(text == """
            Alias          sample
            Name           Sample\\u{7}
            Type           CUSTOM_SELF
            Owner          alice@example.com
            Versions       1.0 (major), 1.1
            Shown version  1.1
            Description    About
                           the lens\\u{1B}[2J

            Security\\u{1B}[31m (security)
              sec_a  Title\\u{D}over  [2 best practices]

            """)
        // A draft-only lens shows its record alone.
        #expect(LensText.show(Self.record("draft", name: "Draft", versions: []), version: nil, lens: nil).hasSuffix("Versions  \n"))
    }

    @Test func differenceAlignsStatusesAndEscapesTitles() {
        func lens(_ questions: [(String, String)]) -> Lens {
            Lens(name: "L", description: "", pillars: [
                LensPillar(id: "ops", name: "Ops", questions: questions.map {
                    LensQuestion(id: $0.0, title: $0.1, choices: [LensChoice(id: "\($0.0)_a", title: "A")],
                                 riskRules: [RiskRule(condition: "default", risk: .high)])
                })
            ])
        }
        let difference = LensDifference(
            base: lens([("ops_a", "Old"), ("ops_b", "Gone")]), target: lens([("ops_a", "New\u{1B}[2J"), ("ops_c", "Added")]))
        #expect(LensText.difference(difference, lensName: Self.hostileName, base: "1.0", target: "draft") == """
            Evil\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}Lens: 1.0 -> draft

            UPDATED  Ops (ops)
              UPDATED  ops_a  New\\u{1B}[2J
              NEW      ops_c  Added
              DELETED  ops_b  Gone

            """)
        let same = lens([("ops_a", "Old")])
        #expect(LensText.difference(LensDifference(base: same, target: same), lensName: "L", base: nil, target: "draft")
                == "L: nothing published -> draft\nNo differences.\n")
    }
}
