import ArgumentParser
import Foundation
import WelltreeInteractive
import WelltreeReports
import WelltreeWorkspace

/// `welltree review W [--lens ALIAS] [--pillar P] [--question Q]`: the console's review flow.
struct ReviewCommand: WorkspaceCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a workload question by question, interactively in the terminal.",
        discussion: """
            Opens where the review left off. Every change is written to the work tree at once; \
            "save and exit" (s) makes one commit for the session. A review that ends without saving \
            leaves its answers in the work tree, and the next `welltree review` of the workload offers \
            to continue with them (c) or discard them (d).

            Keys: space or 1-15 select a best practice, n None of these, x a best practice not \
            applicable, a the question not applicable, e the notes, arrows or Enter move, u next \
            unanswered, p pillar, ? help, s save and exit, q exit without committing. Colour unless \
            NO_COLOR is set.

            When standard input is not a terminal, commands are read one per line; refused lines are \
            reported and skipped (exit status 2 at the end), and answers pending from an earlier \
            review are continued:

            \(ReviewScriptCommand.grammar)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree answer list WORKLOAD --format json"
    @OptionGroup var target: AnswerTarget
    @Option(
        help: "Start at this pillar's first unanswered question (its number, id or name).",
        completion: .custom(Completions.pillars))
    var pillar: String?
    @Option(help: "Start at this question.", completion: .custom(Completions.questions))
    var question: String?
    @Flag(help: "Put the committed answers back over answers an unsaved review left in the work tree.")
    var discardPending = false
    @Flag(help: "Walk the questions the workload's profile prioritizes first (Welltree's mapping), then the others.")
    var prioritizedFirst = false

    func validate() throws {
        if pillar != nil && question != nil { throw ValidationError("--pillar and --question exclude each other") }
    }

    func run(in workspace: Workspace, console: Console) throws {
        let recorder = try ReviewRecorder(workspace: workspace, workload: target.workload, lens: target.lens)
        if discardPending { try recorder.discardPending() }
        let start: ReviewStart = question.map { .question($0) } ?? pillar.map { .pillar($0) } ?? .resume
        var first: Set<String> = []
        if prioritizedFirst {
            let review = recorder.review
            guard let priorities = try workspace.questionPriorities(of: recorder.stored.workload, lensAlias: review.applied.alias, lens: review.lens.lens)
            else {
                throw WorkspaceError.refused(
                    "--prioritized-first: workload \"\(recorder.stored.workload.name)\" has no profile prioritizing questions of lens \(review.applied.alias)",
                    code: .refused, subject: recorder.stored.workload.id)
            }
            first = Set(priorities.prioritized)
        }
        let session = try recorder.session(start: start, first: first)
        let record = recorder.review.lens.record
        let status = try workspace.lensStatus(recorder.review.applied, record: record, of: recorder.stored.workload)
        let banner = LensUpgradeBanner.line(
            workload: recorder.stored.workload.name, alias: recorder.review.applied.alias, lensName: record.name,
            version: recorder.review.lens.version, status: status,
            available: [.notCurrent, .deprecated].contains(status) ? record.currentVersion?.version : nil)
        let outcome: ReviewOutcome
        var failures = 0
        if console.input.isTerminal && console.out.isTerminal, let terminal = Terminal() {
            outcome = InteractiveReview(terminal: terminal, colour: console.allowsColour, unicode: console.isUTF8)
                .run(recorder, session: session, start: start, notice: banner)
        } else {
            if let banner { console.diagnostic(banner) }
            var script = ScriptedReview(
                readLine: console.input.readLine, output: { console.write($0) }, diagnostic: { console.diagnostic($0) })
            outcome = script.run(recorder, session: session, restart: start)
            failures = script.failures
        }
        switch outcome {
        case .committed(let commit):
            console.line("Committed \(String(commit.commit.hex.prefix(7))): \(commit.subject)")
        case .nothingToCommit:
            console.write("Nothing to commit: every answer is as committed.\n")
        case .left(let pending) where pending > 0:
            console.line(
                "\(pending) answer\(pending == 1 ? " is" : "s are") in the work tree, not committed; "
                    + "`welltree review \"\(recorder.stored.workload.name)\"` continues with \(pending == 1 ? "it" : "them").")
        case .left:
            console.write("No changes.\n")
        }
        if failures > 0 { throw ExitCode(2) }
    }
}
