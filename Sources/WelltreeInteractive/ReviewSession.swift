import WelltreeCore

/// Where a review session opens.
package enum ReviewStart: Sendable, Equatable {
    /// Where the review left off: after the most recently changed answer, at the next question
    /// still unanswered.
    case resume
    /// The first unanswered question of a pillar (its number, id or name), else its first question.
    case pillar(String)
    /// One question, by id.
    case question(String)
}

/// One sitting of reviewing a lens for a workload: the current question, the answers as they
/// stand and which of them this session changed. A plain value with no terminal and no files,
/// so every key of the interactive review and every line of the scripted one is tested on it.
///
/// Every change goes through `AnswerUpdate.apply`, the rules `welltree answer update` enforces,
/// and reports whether the answer changed, so the driver knows when to write the answer file.
package struct ReviewSession: Sendable {
    /// A question's place in the lens.
    package struct Location: Sendable, Equatable {
        package var pillar: Int
        package var question: Int
    }

    /// Questions answered out of all questions, for one pillar.
    package struct PillarProgress: Sendable, Equatable {
        package var id: String
        package var name: String
        package var answered: Int
        package var total: Int
    }

    package let lens: Lens
    package let evaluator: LensEvaluator
    /// The answers of the commit the session started from.
    package let committed: [String: Answer]
    /// The answers as they stand: committed, overlaid with the session's changes.
    package private(set) var answers: [String: Answer]
    /// Every question in lens order; with `first`, those questions first (in lens order), then
    /// the others (a profile's prioritized questions walked before the rest).
    package let order: [Location]
    /// The question ids walked before the others (`--prioritized-first`), kept so that a session
    /// started again (after discarding answers) walks the same order.
    package let walkedFirst: Set<String>
    /// The current question's position in `order`.
    package private(set) var index: Int
    /// Questions this session changed or took over from an interrupted one: what "save" commits.
    package private(set) var touched: Set<String>
    /// The lens and pillar notes of the review (`welltree lens notes`), shown beside the
    /// questions; the session does not change them.
    package var notes = LensReviewNotes()

    /// Opens a session. `pending` holds answers left uncommitted by an earlier session (nil: the
    /// answer was cleared), which the session takes over; `updatedAt` holds the answers'
    /// timestamps, to find where the review left off.
    package init(
        lens: Lens, evaluator: LensEvaluator, committed: [String: Answer], pending: [String: Answer?] = [:],
        updatedAt: [String: String] = [:], start: ReviewStart = .resume, first: Set<String> = []
    ) throws(ReviewSessionError) {
        self.lens = lens
        self.evaluator = evaluator
        self.committed = committed
        var answers = committed
        for (id, answer) in pending { answers[id] = answer.flatMap { $0.isEmpty ? nil : $0 } }
        self.answers = answers
        touched = Set(pending.keys)
        let all = lens.pillars.indices.flatMap { p in lens.pillars[p].questions.indices.map { Location(pillar: p, question: $0) } }
        let isFirst = { (l: Location) in first.contains(lens.pillars[l.pillar].questions[l.question].id) }
        order = all.filter(isFirst) + all.filter { !isFirst($0) }
        walkedFirst = first
        index = 0
        switch start {
        case .resume:
            index = resumeIndex(updatedAt: updatedAt)
        case .pillar(let name):
            try go(toPillar: try pillarIndex(name))
        case .question(let id):
            try go(toQuestion: id)
        }
    }

    // MARK: The current question

    package var location: Location { order[index] }
    package var pillar: LensPillar { lens.pillars[location.pillar] }
    package var question: LensQuestion { pillar.questions[location.question] }
    /// The current answer, nil when nothing is recorded.
    package var answer: Answer? { answers[question.id] }
    package var risk: Risk { risk(of: question.id) }
    /// The current question's number within its pillar, from 1.
    package var numberInPillar: Int { location.question + 1 }
    /// The notes of the current question's pillar, if any.
    package var pillarNotes: String? { notes.notes(ofPillar: pillar.id) }
    /// The notes of the lens as a whole, if any.
    package var lensNotes: String? { notes.notes.flatMap { $0.isEmpty ? nil : $0 } }

    package func risk(of questionId: String) -> Risk {
        evaluator.risk(questionId: questionId, answer: answers[questionId])
    }

    /// True when this session's answer differs from the committed one.
    package func isPending(_ questionId: String) -> Bool {
        (answers[questionId] ?? Answer()) != (committed[questionId] ?? Answer())
    }

    /// Touched questions whose answer differs from the committed one, in lens order.
    package var pendingQuestions: [String] {
        order.map { lens.pillars[$0.pillar].questions[$0.question].id }.filter { touched.contains($0) && isPending($0) }
    }

    /// Per-pillar counts of questions answered (or marked not applicable).
    package var progress: [PillarProgress] {
        lens.pillars.map { pillar in
            PillarProgress(
                id: pillar.id, name: pillar.name,
                answered: pillar.questions.filter { risk(of: $0.id) != .unanswered }.count, total: pillar.questions.count)
        }
    }

    /// High risks of the lens when the session started and now.
    package var highRisks: (before: Int, now: Int) {
        (evaluator.riskCounts(answers: committed)[.high], evaluator.riskCounts(answers: answers)[.high])
    }

    // MARK: Changing the answer

    /// Toggles best practice `number` (from 1). Toggling "None of these" selects or clears it;
    /// selecting another practice clears "None of these"; selecting a practice marked not
    /// applicable removes the mark.
    @discardableResult
    package mutating func toggle(_ number: Int) throws(ReviewSessionError) -> Bool {
        let choice = try choice(number)
        try requireApplicable()
        if choice.isNoneOfThese { return try toggleNone() }
        let current = answer?.selectedChoices ?? []
        var selected = current.filter { question.choice(id: $0)?.isNoneOfThese != true }
        if current.contains(choice.id) {
            selected.removeAll { $0 == choice.id }
        } else {
            selected.append(choice.id)
        }
        return try update(AnswerUpdate(select: selected))
    }

    /// Selects "None of these" (clearing the other practices), or clears it when it is selected.
    @discardableResult
    package mutating func toggleNone() throws(ReviewSessionError) -> Bool {
        guard let none = question.noneOfTheseChoice else { throw .noNoneOfThese(question: question.id) }
        try requireApplicable()
        if answer?.selectedChoices.contains(none.id) == true { return try update(AnswerUpdate(select: [])) }
        return try update(AnswerUpdate(none: true))
    }

    /// Marks the whole question as not applying (selections are kept for later), or, with nil,
    /// as applying again.
    @discardableResult
    package mutating func setNotApplicable(_ reason: AnswerReason?) throws(ReviewSessionError) -> Bool {
        if let reason { return try update(AnswerUpdate(notApplicable: reason)) }
        return try update(AnswerUpdate(applicable: true))
    }

    /// Marks best practice `number` not applicable, with a reason and up to 250 characters of notes.
    @discardableResult
    package mutating func markNotApplicable(_ number: Int, reason: AnswerReason, notes: String?) throws(ReviewSessionError) -> Bool {
        let choice = try choice(number)
        if choice.isNoneOfThese { throw .noneOfTheseNotApplicable }
        let notes = notes.flatMap { $0.isEmpty ? nil : $0 }
        let length = notes?.unicodeScalars.count ?? 0
        if length > LensLimits.choiceNotesLength { throw .notesTooLong(length: length, limit: LensLimits.choiceNotesLength) }
        return try update(AnswerUpdate(choiceNotApplicable: [.init(choiceId: choice.id, reason: reason, notes: notes)]))
    }

    /// Removes the not-applicable mark of best practice `number`.
    @discardableResult
    package mutating func markApplicable(_ number: Int) throws(ReviewSessionError) -> Bool {
        try update(AnswerUpdate(choiceApplicable: [try choice(number).id]))
    }

    /// Replaces the question notes; an empty text removes them.
    @discardableResult
    package mutating func setNotes(_ text: String) throws(ReviewSessionError) -> Bool {
        let length = text.unicodeScalars.count
        if length > LensLimits.answerNotesLength { throw .notesTooLong(length: length, limit: LensLimits.answerNotesLength) }
        return try update(AnswerUpdate(notes: text))
    }

    private func choice(_ number: Int) throws(ReviewSessionError) -> LensChoice {
        guard question.choices.indices.contains(number - 1) else {
            throw .noSuchChoice(number: number, count: question.choices.count)
        }
        return question.choices[number - 1]
    }

    private func requireApplicable() throws(ReviewSessionError) {
        if answer?.isApplicable == false { throw .questionNotApplicable(question: question.id) }
    }

    private mutating func update(_ change: AnswerUpdate) throws(ReviewSessionError) -> Bool {
        let updated: Answer
        do {
            updated = try change.apply(to: answer, question: question)
        } catch {
            throw .invalid(error)
        }
        let new: Answer? = updated.isEmpty ? nil : updated
        guard new != answer else { return false }
        answers[question.id] = new
        touched.insert(question.id)
        return true
    }

    // MARK: Moving

    /// Moves to the next question (across pillars); false at the last one.
    @discardableResult
    package mutating func next() -> Bool {
        guard index + 1 < order.count else { return false }
        index += 1
        return true
    }

    /// Moves to the previous question; false at the first one.
    @discardableResult
    package mutating func previous() -> Bool {
        guard index > 0 else { return false }
        index -= 1
        return true
    }

    /// Moves to the first unanswered question of pillar `pillarIndex`, else to its first question.
    package mutating func go(toPillar pillarIndex: Int) throws(ReviewSessionError) {
        guard lens.pillars.indices.contains(pillarIndex) else {
            throw .unknownPillar(String(pillarIndex + 1), known: lens.pillars.map(\.id))
        }
        let inPillar = order.indices.filter { order[$0].pillar == pillarIndex }
        guard let first = inPillar.first else { return }
        index = inPillar.first { risk(of: questionId(at: $0)) == .unanswered } ?? first
    }

    /// Moves to the question with this id.
    package mutating func go(toQuestion id: String) throws(ReviewSessionError) {
        guard let found = order.indices.first(where: { questionId(at: $0) == id }) else { throw .unknownQuestion(id) }
        index = found
    }

    /// Moves to the next unanswered question after the current one, wrapping around; false when
    /// every other question is answered.
    @discardableResult
    package mutating func nextUnanswered() -> Bool {
        for step in 1..<max(order.count, 1) {
            let candidate = (index + step) % order.count
            if risk(of: questionId(at: candidate)) == .unanswered {
                index = candidate
                return true
            }
        }
        return false
    }

    /// The pillar named by its number (from 1), id or name (case and spaces ignored).
    package func pillarIndex(_ name: String) throws(ReviewSessionError) -> Int {
        if let number = Int(name), lens.pillars.indices.contains(number - 1) { return number - 1 }
        let key = Self.normalized(name)
        if let found = lens.pillars.firstIndex(where: { Self.normalized($0.id) == key || Self.normalized($0.name) == key }) {
            return found
        }
        throw .unknownPillar(name, known: lens.pillars.map(\.id))
    }

    package func questionId(at position: Int) -> String {
        lens.pillars[order[position].pillar].questions[order[position].question].id
    }

    /// After the most recently updated answer, the next unanswered question (that answer's own
    /// question when every question is answered); without timestamps, the first unanswered one.
    private func resumeIndex(updatedAt: [String: String]) -> Int {
        let latest = updatedAt.filter { answers[$0.key] != nil }.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        guard let from = latest.flatMap({ id in order.indices.first { questionId(at: $0) == id } }) else {
            return order.indices.first { risk(of: questionId(at: $0)) == .unanswered } ?? 0
        }
        var probe = self
        probe.index = from
        if probe.risk(of: probe.questionId(at: from)) == .unanswered { return from }
        return probe.nextUnanswered() ? probe.index : from
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
