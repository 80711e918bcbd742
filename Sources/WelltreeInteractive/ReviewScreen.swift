import Foundation
import WelltreeCore
import WelltreeReports

/// A whole screen: exactly `height` lines no wider than the terminal, and where to show the
/// cursor (only while text is being typed).
package struct ReviewFrame: Sendable, Equatable {
    package var lines: [StyledLine]
    /// Row and column from 0.
    package var cursor: (row: Int, column: Int)?

    package static func == (a: ReviewFrame, b: ReviewFrame) -> Bool {
        a.lines == b.lines && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }
}

/// Draws the review like the console's question page, for any terminal from 80x24 up: a
/// header with the workload, lens and per-pillar progress; the question, its best practices as
/// a numbered checklist with their links, the live risk and the notes in a body that scrolls
/// with the highlighted practice; a status line and the keys at the bottom.
package struct ReviewScreen: Sendable {
    package var workload: String
    package var lensName: String
    /// Unicode markers and rules, or ASCII ones outside a UTF-8 locale.
    package var unicode: Bool

    /// `workload` and `lensName` come from the repository; they are kept escaped for the
    /// terminal (`TerminalText.line`), so the header's width is that of what is drawn.
    package init(workload: String, lensName: String, unicode: Bool = true) {
        self.workload = TerminalText.line(workload)
        self.lensName = TerminalText.line(lensName)
        self.unicode = unicode
    }

    private var rule: String { unicode ? "─" : "-" }
    private var pointer: String { unicode ? "▸" : ">" }
    private var arrow: String { unicode ? "→" : "->" }

    /// Renders the controller's state. Adjusts `controller.scroll` so the highlighted practice
    /// (or the notes cursor) stays in view.
    package func render(_ controller: inout ReviewController, width: Int, height: Int) -> ReviewFrame {
        let width = max(width, 20)
        let height = max(height, 8)
        let session = controller.session
        var header = [headerLine(session, width: width)]
        header += pillarLines(session, width: width)
        header.append(questionLine(session, width: width))
        header.append(StyledLine(String(repeating: rule, count: width), .dim))

        let (status, statusCursor) = statusLines(controller, width: width)
        let bodyHeight = max(1, height - header.count - 2 - status.count)
        var body: [StyledLine]
        var focusRange = 0..<1
        var cursor: (Int, Int)?
        switch controller.mode {
        case .help:
            body = helpLines(width: width)
        case .resumeOffer(let count):
            body = resumeLines(session, count: count, width: width)
        case .notes(let buffer):
            (body, cursor) = editorLines(buffer, question: session.question.id, width: width)
            focusRange = (cursor?.0 ?? 0)..<((cursor?.0 ?? 0) + 1)
        default:
            (body, focusRange) = questionLines(controller, width: width)
        }
        if controller.mode != .help, controller.followsFocus || cursor != nil {
            if focusRange.lowerBound < controller.scroll { controller.scroll = focusRange.lowerBound }
            if focusRange.upperBound > controller.scroll + bodyHeight {
                controller.scroll = min(focusRange.lowerBound, focusRange.upperBound - bodyHeight)
            }
        }
        controller.scroll = max(0, min(controller.scroll, body.count - bodyHeight))
        let visible = Array(body.dropFirst(controller.scroll).prefix(bodyHeight))

        var lines = header + visible + Array(repeating: StyledLine(), count: bodyHeight - visible.count)
        let above = controller.scroll > 0
        let below = controller.scroll + bodyHeight < body.count
        var separator = String(repeating: rule, count: width)
        if above || below {
            let marker =
                " " + [above ? "PgUp: more above" : nil, below ? "PgDn: more below" : nil].compactMap { $0 }.joined(separator: " · ") + " "
            separator = String(separator.prefix(max(0, width - marker.count - 2))) + marker + rule + rule
        }
        lines.append(StyledLine(separator, .dim))
        lines += status
        lines.append(StyledLine(hints(controller.mode), .dim))
        var frameCursor: (row: Int, column: Int)?
        if let (row, column) = cursor { frameCursor = (header.count + row - controller.scroll, column) }
        if let column = statusCursor { frameCursor = (lines.count - 2, column) }
        return ReviewFrame(lines: lines, cursor: frameCursor)
    }

    // MARK: Header

    private func headerLine(_ session: ReviewSession, width: Int) -> StyledLine {
        let pending = session.pendingQuestions.count
        let right = pending == 0 ? "" : "\(pending) not committed "
        var left = " \(workload) · \(lensName)"
        if left.count + right.count + 1 > width { left = String(left.prefix(max(0, width - right.count - 2))) + "…" }
        let gap = String(repeating: " ", count: max(1, width - left.count - right.count))
        return StyledLine(left + gap + right, [.inverse, .bold])
    }

    /// "1 Operational Excellence 3/11" for every pillar, wrapped into at most three lines.
    private func pillarLines(_ session: ReviewSession, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        for (index, pillar) in session.progress.enumerated() {
            let current = index == session.location.pillar
            let token = "\(index + 1) \(pillar.name) \(pillar.answered)/\(pillar.total)"
            let separator = line.spans.isEmpty ? " " : "  "
            if line.width + separator.count + token.count > width && !line.spans.isEmpty {
                lines.append(line)
                line = StyledLine()
            }
            line.append(line.spans.isEmpty ? " " : "  ")
            let done = pillar.answered == pillar.total
            line.append(token, current ? [.bold, .inverse] : (done ? .green : []))
        }
        lines.append(line)
        return Array(lines.prefix(3))
    }

    /// "Operational Excellence 3/11 answered · question 1 of 11 · priorities      Risk: high"
    private func questionLine(_ session: ReviewSession, width: Int) -> StyledLine {
        let progress = session.progress[session.location.pillar]
        let risk = "Risk: \(session.risk.label) "
        let counts = " \(progress.name) \(progress.answered)/\(progress.total) answered"
        let candidates = [
            counts + " · question \(session.numberInPillar) of \(progress.total) · \(session.question.id)",
            counts + " · Q\(session.numberInPillar) \(session.question.id)",
            counts + " · Q\(session.numberInPillar)",
        ]
        let left = candidates.first { $0.count + risk.count + 1 <= width } ?? candidates[candidates.count - 1]
        var line = StyledLine(left, .bold)
        line.append(String(repeating: " ", count: max(1, width - left.count - risk.count)))
        line.append(risk, Self.style(session.risk).union(.bold))
        return line
    }

    // MARK: Body

    /// The question page, and the lines of the highlighted practice.
    private func questionLines(_ controller: ReviewController, width: Int) -> ([StyledLine], Range<Int>) {
        let session = controller.session
        let question = session.question
        let answer = session.answer
        let inner = width - 2
        var lines: [StyledLine] = []
        for text in wrap(question.title, width: inner) { lines.append(StyledLine(" " + text, .bold)) }
        if let description = question.description, !description.isEmpty {
            for text in wrap(description, width: inner) { lines.append(StyledLine(" " + text)) }
        }
        if controller.showLinks, let url = question.helpfulResource?.url {
            for text in wrap("Info: " + url, width: inner) { lines.append(StyledLine(" " + text, .cyan)) }
        }
        lines.append(StyledLine())
        if answer?.isApplicable == false {
            let reason = (answer?.reason ?? .none).label
            lines.append(StyledLine(" Question does not apply to this workload: \(reason)  (a: it applies)", [.yellow, .bold]))
        }
        var focusRange = lines.count..<(lines.count + 1)
        let numberWidth = String(question.choices.count).count
        let indent = String(repeating: " ", count: numberWidth + 7)
        for (index, choice) in question.choices.enumerated() {
            let focused = index == controller.focus
            let start = lines.count
            let notApplicable = answer?.notApplicableChoices[choice.id]
            let selected = answer?.selectedChoices.contains(choice.id) == true
            let box = notApplicable != nil ? "[-]" : (selected ? "[x]" : "[ ]")
            let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + String(index + 1)
            let prefix = "\(focused ? pointer : " ") \(number) \(box) "
            let titleLines = wrap(choice.title, width: max(10, width - prefix.count - 1))
            for (n, text) in titleLines.enumerated() {
                var line = StyledLine()
                let boxStyle: TextStyle = notApplicable != nil ? .yellow : (selected ? [.green, .bold] : [])
                if n == 0 {
                    line.append(prefix, boxStyle)
                } else {
                    line.append(indent)
                }
                line.append(text, focused ? [.inverse] : (notApplicable != nil ? .dim : []))
                lines.append(line)
            }
            if let notApplicable {
                var text = "not applicable: \(notApplicable.reason.label)"
                if let notes = notApplicable.notes, !notes.isEmpty { text += " · \(notes)" }
                for part in wrap(text, width: max(10, width - indent.count - 1)) { lines.append(StyledLine(indent + part, .yellow)) }
            }
            if controller.showLinks, let url = choice.helpfulResource?.url {
                for part in wrap(url, width: max(10, width - indent.count - 1)) { lines.append(StyledLine(indent + part, [.cyan, .dim])) }
            }
            if focused { focusRange = start..<lines.count }
        }
        lines.append(StyledLine())
        let notes = answer?.notes ?? ""
        if notes.isEmpty {
            lines.append(StyledLine(" Notes: none (e: edit)", .dim))
        } else {
            lines.append(StyledLine(" Notes (\(notes.unicodeScalars.count)/\(LensLimits.answerNotesLength)):", .bold))
            for text in wrap(notes, width: inner - 2) { lines.append(StyledLine("   " + text)) }
        }
        // The answer's evidence (`welltree answer update --evidence`), read-only here.
        if let evidence = answer?.evidence, !evidence.isEmpty {
            lines.append(StyledLine(" Evidence:", .bold))
            for citation in evidence {
                let text = citation.location + (citation.choiceId.map { " · for " + $0 } ?? "")
                for part in wrap(text, width: inner - 2) { lines.append(StyledLine("   " + part)) }
            }
        }
        // The pillar's and the lens's notes (`welltree lens notes`), read-only here.
        for (label, notes) in [("Pillar notes", session.pillarNotes), ("Lens notes", session.lensNotes)] {
            guard let notes else { continue }
            lines.append(StyledLine(" \(label):", .bold))
            for text in wrap(notes, width: inner - 2) { lines.append(StyledLine("   " + text, .dim)) }
        }
        return (lines, focusRange)
    }

    private func editorLines(_ buffer: TextBuffer, question: String, width: Int) -> ([StyledLine], (Int, Int)) {
        let inner = max(10, width - 4)
        var lines = [
            StyledLine(" Notes for \(question): \(buffer.length)/\(buffer.limit) characters", .bold),
            StyledLine(),
        ]
        let (textLines, cursorLine, cursorColumn) = buffer.lines
        var cursor = (0, 0)
        for (index, text) in textLines.enumerated() {
            let chunks = stride(from: 0, to: max(text.count, 1), by: inner).map { start in
                String(text.dropFirst(start).prefix(inner))
            }
            if index == cursorLine {
                let chunk = min(cursorColumn / inner, chunks.count)
                cursor = (lines.count + chunk, 3 + cursorColumn - chunk * inner)
            }
            for chunk in chunks { lines.append(StyledLine("   " + chunk)) }
        }
        return (lines, cursor)
    }

    private func resumeLines(_ session: ReviewSession, count: Int, width: Int) -> [StyledLine] {
        var lines = [
            StyledLine(),
            StyledLine(" \(count) answer\(count == 1 ? " is" : "s are") in the work tree but not committed,", .bold),
            StyledLine(" left by a review that ended without saving:", .bold),
            StyledLine(),
        ]
        for id in session.pendingQuestions {
            lines.append(StyledLine("   \(id): risk \(session.risk(of: id).label)"))
        }
        lines.append(StyledLine())
        for text in wrap(
            "c continues with them: they are committed with this session's answers when you save. d puts the committed answers back. q leaves them as they are.",
            width: width - 2)
        {
            lines.append(StyledLine(" " + text))
        }
        return lines
    }

    private func helpLines(width: Int) -> [StyledLine] {
        let keys: [(String, String)] = [
            ("↑ ↓  j k", "highlight a best practice"),
            ("space", "select or clear the highlighted best practice"),
            ("1-15", "select or clear best practice N (two digits wait for the next key)"),
            ("n", "None of these (clears the other best practices)"),
            ("x", "mark the highlighted best practice not applicable (reason, notes), or undo"),
            ("a", "mark the question not applicable (reason), or applicable again"),
            ("e", "edit the question notes (Ctrl-D keeps them, Esc cancels)"),
            ("→ Enter ]", "next question"),
            ("← [", "previous question"),
            ("u", "next unanswered question"),
            ("p 1-9", "go to a pillar (its first unanswered question)"),
            ("l", "show or hide every best practice's link"),
            ("PgUp PgDn", "scroll"),
            ("s", "save and exit: commit the session's answers"),
            ("q Ctrl-C", "exit without committing (answers stay in the work tree)"),
        ]
        var lines = [StyledLine(" Keys (arrows and PgUp/PgDn scroll, any other key closes this help)", .bold), StyledLine()]
        for (key, meaning) in keys {
            let label =
                (unicode
                    ? key
                    : key.replacingOccurrences(of: "↑ ↓", with: "Up Down").replacingOccurrences(of: "→", with: "Right")
                        .replacingOccurrences(of: "←", with: "Left"))
            let padded = label.count < 11 ? label + String(repeating: " ", count: 11 - label.count) : label + " "
            for (n, text) in wrap(meaning, width: max(10, width - 15)).enumerated() {
                lines.append(StyledLine(n == 0 ? "  " + padded + " " + text : String(repeating: " ", count: 14) + text))
            }
        }
        lines.append(StyledLine())
        for text in wrap(
            "Every change is written to the work tree at once; saving makes one commit. A review that ends any other way is offered again by the next `welltree review`.",
            width: width - 2)
        {
            lines.append(StyledLine(" " + text, .dim))
        }
        return lines
    }

    // MARK: Footer

    /// The status area: one line, or two when a message or link needs them.
    private func statusLines(_ controller: ReviewController, width: Int) -> ([StyledLine], Int?) {
        let (line, cursor) = statusLine(controller, width: width)
        guard cursor == nil, line.width > width, let style = line.spans.first?.style else { return ([line], cursor) }
        let text = String(line.plain.dropFirst())
        let parts =
            text.contains("://")
            ? stride(from: 0, to: text.count, by: width - 1).map { String(text.dropFirst($0).prefix(width - 1)) }
            : wrap(text, width: width - 1)
        return (parts.prefix(2).map { StyledLine(" " + $0, style) }, nil)
    }

    private func statusLine(_ controller: ReviewController, width: Int) -> (StyledLine, Int?) {
        switch controller.mode {
        case .reason:
            let options = ReviewController.reasons.enumerated().map {
                "\($0.offset + 1) \($0.element == .none ? "None" : $0.element.label)"
            }
            let roomy = " " + options.joined(separator: "  ")
            return (StyledLine(roomy.count <= width ? roomy : " " + options.joined(separator: " "), .bold), nil)
        case .choiceNotes(let number, _, let buffer):
            let prefix = " Notes for \(number) (optional, \(buffer.length)/\(buffer.limit)): "
            let room = max(5, width - prefix.count - 1)
            let cursor = buffer.cursor
            let start = max(0, cursor - room + 1)
            let shown = String(buffer.characters.dropFirst(start).prefix(room))
            var line = StyledLine(prefix, .bold)
            line.append(shown)
            return (line, prefix.count + cursor - start)
        case .pillar:
            return (StyledLine(" Go to pillar: type its number (1-\(controller.session.lens.pillars.count))", .bold), nil)
        default:
            break
        }
        if let message = controller.message {
            return (StyledLine(" " + message.text, message.isError ? [.red, .bold] : .green), nil)
        }
        if case .browse = controller.mode, !controller.showLinks {
            let choice = controller.session.question.choices[controller.focus]
            if let url = choice.helpfulResource?.url { return (StyledLine(" \(controller.focus + 1) \(arrow) \(url)", .cyan), nil) }
        }
        return (StyledLine(), nil)
    }

    private func hints(_ mode: ReviewController.Mode) -> String {
        switch mode {
        case .browse:
            return unicode
                ? " ? help  space/1-9 toggle  n none  x a n/a  e notes  ←→ question  s save  q quit"
                : " ? help  space/1-9 toggle  n none  x a n/a  e notes  Left/Right  s save  q quit"
        case .help: return unicode ? " ↑↓ PgUp PgDn scroll  any other key: back" : " Up Down PgUp PgDn scroll  any other key: back"
        case .resumeOffer: return " c continue with them  d discard them  q quit"
        case .reason: return " Why does it not apply? 1-5 (Enter: no reason)  Esc cancel"
        case .choiceNotes: return " Enter mark not applicable  Esc cancel"
        case .notes: return " Ctrl-D keep notes  Esc cancel  Enter new line  arrows move  Ctrl-U clear"
        case .pillar: return " 1-9 pillar  any other key: back"
        }
    }

    package static func style(_ risk: Risk) -> TextStyle {
        switch risk {
        case .high: .red
        case .medium: .yellow
        case .none: .green
        case .notApplicable, .unanswered: .dim
        }
    }
}
