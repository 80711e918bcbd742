/// What one profile choice prioritizes in one lens, and why.
package struct ChoicePriorities: Sendable, Equatable, Codable {
    /// Question ids of the lens, in lens order.
    package var questions: [String]
    /// One sentence saying why the choice makes these questions matter: the mapping is
    /// Welltree's (or the workspace's), so every entry states its reasoning.
    package var reason: String

    package init(questions: [String], reason: String) {
        self.questions = questions
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case questions, reason }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a prioritization entry")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        questions = try c.decode([String].self, forKey: .questions)
        reason = try c.decode(String.self, forKey: .reason)
    }
}

/// Which profile choices prioritize which questions: `profile-prioritization.json` at the root of
/// the workspace, per lens alias and choice id.
///
/// AWS has not published the mapping its service uses, so this one is Welltree's own (shipped
/// for the framework lens, every question reachable, each choice's reason documented in
/// docs/profiles-and-templates.md), and a workspace may edit it. A question is PRIORITIZED for a
/// profile when any choice the profile selects lists it; lenses without an entry have no
/// prioritized questions.
package struct ProfilePrioritization: Sendable, Equatable, Codable {
    /// What the file is and whose it is.
    package var about: String?
    /// Lens alias -> choice id -> what it prioritizes.
    package var lenses: [String: [String: ChoicePriorities]]

    package init(about: String? = nil, lenses: [String: [String: ChoicePriorities]]) {
        self.about = about
        self.lenses = lenses
    }

    /// The file's path in the workspace.
    package static let fileName = "profile-prioritization.json"

    /// Welltree's limit on a reason.
    package static let reasonLength = 1...512

    private enum CodingKeys: String, CodingKey, CaseIterable { case about, lenses }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "the prioritization")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        about = try c.decodeIfPresent(String.self, forKey: .about)
        lenses = try c.decode([String: [String: ChoicePriorities]].self, forKey: .lenses)
    }

    /// Every rule the mapping breaks, with JSON paths: lens aliases of `lenses` (each lens's
    /// current version, by alias), choice ids of `template`, question ids of the lens, listed
    /// once each and at least one per entry, and a reason of 1 to 512 characters on one line.
    package func violations(template: ProfileTemplate, lenses known: [String: Lens]) -> [Violation] {
        var validator = Validator()
        if let about {
            TextRules.check(about, field: "about", length: ProfileTemplate.Limits.aboutLength, multiline: true, into: &validator)
        }
        let choiceListing = template.choiceIds.joined(separator: ", ")
        for alias in lenses.keys.sorted() {
            let path = "lenses[\"\(alias)\"]"
            guard let lens = known[alias] else {
                validator.add(
                    Violation(
                        field: path, value: alias,
                        rule: "is not a lens of the workspace; its lenses: \(known.keys.sorted().joined(separator: ", "))"))
                continue
            }
            let questionIds = Set(lens.pillars.flatMap { $0.questions.map(\.id) })
            for (choiceId, entry) in (lenses[alias] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let entryPath = "\(path)[\"\(choiceId)\"]"
                validator.require(
                    template.question(holdingChoice: choiceId) != nil, field: entryPath, value: choiceId,
                    rule: "is not a choice of the profile template; its choices: \(choiceListing)")
                validator.require(
                    !entry.questions.isEmpty, field: "\(entryPath).questions", value: "0 questions", rule: "must list at least one question"
                )
                var seen: Set<String> = []
                for (index, questionId) in entry.questions.enumerated() {
                    validator.require(
                        questionIds.contains(questionId), field: "\(entryPath).questions[\(index)]", value: questionId,
                        rule: "is not a question of lens \(alias)")
                    validator.require(
                        seen.insert(questionId).inserted, field: "\(entryPath).questions[\(index)]", value: questionId,
                        rule: "is listed twice")
                }
                TextRules.check(entry.reason, field: "\(entryPath).reason", length: Self.reasonLength, multiline: false, into: &validator)
            }
        }
        return validator.violations
    }

    /// The questions of `lens` that no choice prioritizes: allowed (a workspace may decide a
    /// question is never a priority), but worth a warning, since a profile can then never bring
    /// them forward. Empty for a lens the mapping does not list at all.
    package func unreachableQuestions(lensAlias: String, lens: Lens) -> [String] {
        guard let entries = lenses[lensAlias] else { return [] }
        let reached = Set(entries.values.flatMap(\.questions))
        return lens.pillars.flatMap { $0.questions.map(\.id) }.filter { !reached.contains($0) }
    }

    /// Which questions of `lens` (the version a workload uses) the profile's answers prioritize,
    /// and through which choices; nil when the mapping has nothing for `lensAlias`, so no
    /// question of that lens is said to be prioritized or not.
    ///
    /// Selected choices the mapping does not list, or the template no longer has, prioritize
    /// nothing; question ids the lens version does not have are ignored.
    package func priorities(lensAlias: String, lens: Lens, answers: ProfileAnswers, template: ProfileTemplate) -> QuestionPriorities? {
        guard let entries = lenses[lensAlias] else { return nil }
        // Choices in template order, so the causes read in the order the profile asks them.
        let selected = Set(answers.selectedChoiceIds)
        let ordered = template.choiceIds.filter { selected.contains($0) }
        var causes: [String: [String]] = [:]
        for choiceId in ordered {
            for questionId in entries[choiceId]?.questions ?? [] { causes[questionId, default: []].append(choiceId) }
        }
        var prioritized: [String] = []
        for pillar in lens.pillars {
            for question in pillar.questions where causes[question.id] != nil { prioritized.append(question.id) }
        }
        let known = Set(prioritized)
        return QuestionPriorities(lensAlias: lensAlias, prioritized: prioritized, causes: causes.filter { known.contains($0.key) })
    }
}
