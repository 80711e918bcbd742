import Testing
import WelltreeCore
import WelltreeInteractive

@Suite("Review screen")
struct ReviewScreenTests {
    static let screen = ReviewScreen(workload: "Retail Website - North America", lensName: "AWS Well-Architected Framework")

    static func render(_ controller: inout ReviewController, _ width: Int, _ height: Int) -> [String] {
        screen.render(&controller, width: width, height: height).lines.map { $0.rendered(width: width, colour: false) }
    }

    @Test(arguments: [(80, 24), (200, 60), (100, 30)])
    func everyLineFitsAndHeaderAndKeysStayOnScreen(width: Int, height: Int) throws {
        var controller = ReviewController(session: try FrameworkLens.session(start: .question("dev-integ")), showLinks: height >= 40)
        for key: Key in [.character("1"), .character("1"), .character("e"), .character("x"), .control("d")] { _ = controller.handle(key) }
        for keys in [[], [Key.character("?")], [.escape, .pageDown]] {
            for key in keys { _ = controller.handle(key) }
            let lines = Self.render(&controller, width, height)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { $0.count <= width })
            #expect(lines[0].contains("Retail Website - North America"))
            #expect(lines[1].contains("1 Operational Excellence 1/11"))
            #expect(lines.last?.contains("help") == true || lines.last?.contains("back") == true)
        }
    }

    @Test func showsTheChecklistRiskAndPillarProgress() throws {
        var session = try FrameworkLens.session()
        try session.toggle(1)
        try session.markNotApplicable(3, reason: .outOfScope, notes: "No board")
        try session.setNotes("Reviewed with the product team")
        var controller = ReviewController(session: session, showLinks: true)
        let text = Self.render(&controller, 120, 50).joined(separator: "\n")
        #expect(text.contains("Operational Excellence 1/11 answered"))
        #expect(text.contains("Risk: high"))
        #expect(text.contains("1 [x] Evaluate customer needs"))
        #expect(text.contains("3 [-] Evaluate governance requirements"))
        #expect(text.contains("not applicable: Out of scope · No board"))
        #expect(text.contains("https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_priorities_ext_cust_needs.html"))
        #expect(text.contains("Notes (30/2084):"))
        #expect(text.contains("1 not committed"))
    }

    @Test func theHighlightedPracticeStaysInViewInA24LineTerminal() throws {
        var controller = ReviewController(session: try FrameworkLens.session(start: .question("dev-integ")), showLinks: false)
        for _ in 0..<9 { _ = controller.handle(.down) }
        let lines = Self.render(&controller, 80, 24)
        #expect(lines.contains { $0.hasPrefix("▸ 10 [ ]") })
        #expect(lines.contains { $0.contains("https://docs.aws.amazon.com") })
    }

    @Test func colourOnlyWhenAsked() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        let frame = Self.screen.render(&controller, width: 80, height: 24)
        #expect(frame.lines.contains { $0.rendered(width: 80, colour: true).contains("\u{1B}[") })
        #expect(!frame.lines.contains { $0.rendered(width: 80, colour: false).contains("\u{1B}") })
    }

    @Test func showsThePillarAndLensNotesEscaped() throws {
        var session = try FrameworkLens.session()
        session.notes = LensReviewNotes(
            notes: "Lens-wide: reviewed \u{1B}[2J with the team", pillarNotes: ["operationalExcellence": "Owner: platform team"])
        var controller = ReviewController(session: session, showLinks: false)
        let text = Self.render(&controller, 120, 60).joined(separator: "\n")
        #expect(text.contains("Pillar notes:") && text.contains("Owner: platform team"), "\(text)")
        #expect(text.contains("Lens notes:") && text.contains("Lens-wide: reviewed"), "\(text)")
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        let page = ReviewPageText.render(session)
        #expect(page.contains("Pillar notes:\n  Owner: platform team\n"))
        #expect(!page.unicodeScalars.contains("\u{1B}"))
    }
}
