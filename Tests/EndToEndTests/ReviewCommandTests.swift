import Foundation
import Testing

/// `welltree review` driven as a reviewer would: in a real terminal (tmux) key by key, and
/// scripted through a pipe.
@Suite("Interactive review end to end", .serialized)
struct ReviewCommandTests {
    static let w = Sandbox.tutorialName

    static func answers(_ sandbox: Sandbox) -> String { sandbox.repo + "/workloads/re/retail-website-north-america/answers/wellarchitected/" }

    static func answer(_ sandbox: Sandbox, _ question: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: answers(sandbox) + question + ".json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func commitCount(_ sandbox: Sandbox) throws -> Int {
        Int(try sandbox.git(["rev-list", "--count", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The whole Performance Efficiency pillar in an 80x24 terminal: practices by number, a
    /// practice not applicable with reason and notes, None of these, a question not applicable,
    /// then the session is killed (SIGKILL) half-way; the next review offers to continue, the
    /// pillar is finished with multi-line notes and saved as one commit.
    @Test func aFullPillarKilledHalfWayThenResumedAndSaved() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let commitsBefore = try Self.commitCount(sandbox)

        let first = try TmuxTerminal(sandbox, ["review", Self.w, "--pillar", "performance"])
        let opening = try first.waitFor("How do you select the appropriate cloud resources")
        #expect(opening.contains("4 Performance Efficiency 0/5"))
        #expect(opening.contains("Risk: unanswered"))
        #expect(opening.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 80 })

        try first.press("1", "2")
        try first.waitFor("2 [x]")
        #expect(try first.screen().contains("Risk: high") || first.screen().contains("Risk: medium"))
        try first.press("Down", "x")
        try first.waitFor("Why does it not apply?")
        try first.press("2")
        try first.waitFor("Notes for 3")
        try first.type("Cost model first")
        try first.press("Enter")
        try first.waitFor("not applicable: Business priorities · Cost model first")
        try first.press("e")
        try first.waitFor("Notes for performing-architecture")
        try first.type("Reviewed with the platform team")
        try first.press("C-d")
        try eventually("notes in the work tree") {
            try (Self.answer(sandbox, "performing-architecture")["notes"] as? String) == "Reviewed with the platform team"
        }
        let architecture = try Self.answer(sandbox, "performing-architecture")
        #expect(
            architecture["selectedChoices"] as? [String] == [
                "perf_architecture_understand_cloud_services_and_features",
                "perf_architecture_guidance_architecture_patterns_best_practices",
            ])
        let marks = try #require(architecture["notApplicableChoices"] as? [String: [String: String]])
        #expect(
            marks["perf_architecture_factor_cost_into_architectural_decisions"] == [
                "reason": "BUSINESS_PRIORITIES", "notes": "Cost model first",
            ])

        try first.press("Right")
        try first.waitFor("compute-hardware")
        try first.press("n")
        try first.waitFor("[x] None of these")
        try first.press("Right")
        try first.waitFor("data-management")
        try first.press("a")
        try first.waitFor("Why does it not apply?")
        try first.press("1")
        try first.waitFor("Question does not apply to this workload: Out of scope")
        try eventually("data-management in the work tree") { try Self.answer(sandbox, "data-management")["isApplicable"] as? Bool == false }

        // Killed half-way: the answers so far are in the work tree, nothing is committed.
        #expect(kill(try first.pid(), SIGKILL) == 0)
        try eventually("the review to die") { try first.exited() }
        #expect(try Self.commitCount(sandbox) == commitsBefore)
        let status = try sandbox.git(["status", "--porcelain", "--untracked-files=all"]).stdout
        #expect(status.contains("performing-architecture.json"))
        #expect(status.contains("compute-hardware.json"))
        #expect(status.contains("data-management.json"))

        // The next review offers to continue with them.
        let second = try TmuxTerminal(sandbox, ["review", Self.w])
        let offer = try second.waitFor("3 answers are in the work tree but not committed")
        #expect(offer.contains("c continue with them"))
        #expect(offer.contains("3 not committed"))
        try second.press("c")
        try second.waitFor("networking")
        #expect(try second.screen().contains("4 Performance Efficiency 3/5"))
        try second.press("1", "3")
        try second.waitFor("3 [x]")
        try second.press("Right")
        try second.waitFor("process-culture")
        try second.press("2", "e")
        try second.waitFor("Notes for process-culture")
        try second.type("Load tests monthly")
        try second.press("Enter")
        try second.type("KPIs next")
        try second.press("C-d")
        try eventually("process-culture notes") {
            try (Self.answer(sandbox, "process-culture")["notes"] as? String) == "Load tests monthly\nKPIs next"
        }
        try second.press("s")
        let done = try second.waitFor("Committed ").replacingOccurrences(of: "\n", with: "")
        #expect(done.contains("Review Retail Website - North America: 5 questions answered,"))
        #expect(done.contains("HRIs 0 -> 4"))

        #expect(try Self.commitCount(sandbox) == commitsBefore + 1)
        let log = try sandbox.git(["log", "-1", "--format=%B"]).stdout
        #expect(log.hasPrefix("Review Retail Website - North America: 5 questions answered, HRIs 0 -> 4\n"))
        #expect(log.contains("data-management: UNANSWERED -> NOT_APPLICABLE"))
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)
        let statusText = try sandbox.welltree(["status", Self.w]).stdout
        #expect(statusText.contains("Performance Efficiency"), "\(statusText)")
        #expect(try sandbox.git(["fsck", "--strict"]).status == 0)
    }

    /// A large terminal shows every practice's link and colours risks; `NO_COLOR` turns colour off.
    @Test func largeTerminalColourAndNoColor() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let coloured = try TmuxTerminal(sandbox, ["review", Self.w, "--question", "identities"], width: 200, height: 60, colour: true)
        let screen = try coloured.waitFor("question 2 of 11 · identities")
        #expect(screen.contains("https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_unique.html"))
        try coloured.press("1")
        try coloured.waitFor("Risk: high")
        #expect(try coloured.screen(escapes: true).contains("\u{1B}[31m") || coloured.screen(escapes: true).contains("\u{1B}[1;31m"))
        try coloured.press("q")
        try coloured.waitFor("1 answer is in the work tree, not committed")

        let plain = try TmuxTerminal(sandbox, ["review", Self.w, "--question", "identities", "--discard-pending"], width: 200, height: 60)
        try plain.waitFor("identities")
        let escapes = try plain.screen(escapes: true)
        #expect(!escapes.contains("\u{1B}[3"), "colour despite NO_COLOR")
        try plain.press("q")
        try plain.waitFor("No changes.")
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)
    }

    /// Standard input not a terminal: one command per line, refused lines reported and skipped,
    /// answers left in the work tree at end of input, then continued and committed by `save`.
    @Test func scriptedReviewThroughAPipe() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let commitsBefore = try Self.commitCount(sandbox)
        let script = """
            # Performance Efficiency
            pillar performance
            toggle 1 2
            choice-na 3 business-priorities Cost model first
            notes Reviewed with\\nthe platform team
            next
            none
            next
            na OUT_OF_SCOPE
            toggle 99
            bogus

            """
        let first = try sandbox.welltree(["review", Self.w], input: script)
        #expect(first.status == 2, "\(first)")
        #expect(first.stdout.contains("performing-architecture: risk UNANSWERED -> "))
        #expect(first.stdout.contains("data-management: risk UNANSWERED -> NOT_APPLICABLE"))
        #expect(first.stdout.contains("3 answers are in the work tree, not committed"))
        #expect(first.stderr.contains("error: line 10: no best practice 99"))
        #expect(first.stderr.contains("error: line 11: unknown command \"bogus\""))
        #expect(try Self.commitCount(sandbox) == commitsBefore)
        #expect(try Self.answer(sandbox, "performing-architecture")["notes"] as? String == "Reviewed with\nthe platform team")

        let second = try sandbox.welltree(["review", Self.w], input: "unanswered\ntoggle 1\nsave\n")
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("continuing with 3 uncommitted answer(s)"))
        #expect(second.stdout.contains("Committed "))
        #expect(second.stdout.contains("Review Retail Website - North America: 4 questions answered"))
        #expect(try Self.commitCount(sandbox) == commitsBefore + 1)
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)

        let help = try sandbox.welltree(["review", "--help"])
        #expect(help.stdout.contains("choice-na N [REASON [NOTES]]"))
    }

    /// Completion scripts for every shell, and the workload names, question ids and pillars they
    /// ask the binary for; outside a workspace nothing is printed at all.
    @Test func shellCompletions() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        for shell in ["bash", "zsh", "fish"] {
            let script = try sandbox.welltree(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("review"))
        }
        let names = try sandbox.welltree(["---completion", "review", "--", "positional@0", "2", "3", "welltree", "review", "Ret"])
        #expect(names.stdout == "Retail Website - North America\n")
        let questions = try sandbox.welltree([
            "---completion", "answer", "update", "--", "positional@1", "4", "2", "welltree", "answer", "update",
            "'Retail Website - North America'", "id",
        ])
        #expect(questions.stdout.split(separator: "\n").contains("identities"), "\(questions)")
        let pillars = try sandbox.welltree([
            "---completion", "review", "--", "--pillar", "3", "0", "welltree", "review", "x", "--pillar", "",
        ])
        #expect(pillars.stdout.split(separator: "\n").contains("performance"))
        let outside = try sandbox.welltree(
            ["---completion", "review", "--", "positional@0", "2", "0", "welltree", "review", ""], in: sandbox.home)
        #expect(outside.status == 0)
        #expect(outside.stdout.isEmpty)
        #expect(outside.stderr.isEmpty)
    }
}
