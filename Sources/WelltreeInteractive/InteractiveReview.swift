import WelltreeCore
import WelltreeWorkspace

/// The review in the terminal: draws the screen, turns keys into session changes and carries
/// out their effects. Each changed answer is written to the work tree before the next key is
/// read, so a review killed at any moment loses at most the key being typed.
package struct InteractiveReview {
    package var terminal: Terminal
    package var colour: Bool
    package var unicode: Bool

    package init(terminal: Terminal, colour: Bool, unicode: Bool) {
        self.terminal = terminal
        self.colour = colour
        self.unicode = unicode
    }

    /// Runs until the reviewer saves or leaves (or the terminal goes away).
    /// `notice` (a lens upgrade banner) is shown in the status line when the review opens.
    package func run(_ recorder: ReviewRecorder, session: ReviewSession, start: ReviewStart, notice: String? = nil) -> ReviewOutcome {
        let size = terminal.size
        var controller = ReviewController(session: session, pendingCount: recorder.pending.count, showLinks: size.height >= 40)
        if controller.message == nil, let notice { controller.message = ReviewMessage(notice) }
        let screen = ReviewScreen(workload: recorder.stored.workload.name, lensName: recorder.lens.name, unicode: unicode)
        terminal.enter()
        defer { terminal.leave() }
        var drawn: (width: Int, height: Int)?
        var dirty = true
        while true {
            let size = terminal.size
            if dirty || drawn.map({ $0 != size }) ?? true {
                let frame = screen.render(&controller, width: size.width, height: size.height)
                terminal.draw(frame, width: size.width, colour: colour)
                drawn = size
                dirty = false
            }
            guard let keys = terminal.readKeys(waiting: 200) else {
                return .left(pending: controller.session.pendingQuestions.count)
            }
            if keys.isEmpty { continue }
            dirty = true
            for key in keys {
                for effect in controller.handle(key) {
                    switch effect {
                    case .none:
                        break
                    case .write(let question):
                        do {
                            try recorder.write(controller.session, question: question)
                        } catch {
                            controller.message = ReviewMessage("Not written: \(error.description)", isError: true)
                        }
                    case .save:
                        do {
                            guard let commit = try recorder.save(controller.session) else { return .nothingToCommit }
                            return .committed(commit)
                        } catch {
                            let first = error.description.split(separator: "\n").first.map(String.init) ?? ""
                            controller.message = ReviewMessage("Not committed: \(first)", isError: true)
                        }
                    case .quit:
                        return .left(pending: controller.session.pendingQuestions.count)
                    case .discardPending:
                        do {
                            try recorder.discardPending(also: controller.session.touched)
                            controller.restart(with: try recorder.restarted(controller.session, start: start))
                            controller.message = ReviewMessage("Discarded; the committed answers are back")
                        } catch {
                            controller.message = ReviewMessage(String(describing: error), isError: true)
                        }
                    }
                }
            }
        }
    }
}
