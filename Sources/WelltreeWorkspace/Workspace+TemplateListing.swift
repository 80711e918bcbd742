import WelltreeCore

extension Workspace {
    /// The review templates (the deleted ones too when `includingDeleted`), each with its update
    /// status (ListReviewTemplates).
    package func templateListing(includingDeleted: Bool) throws(WorkspaceError) -> [(template: ReviewTemplate, status: ReviewTemplateUpdateStatus)] {
        try requireInitialised()
        var listed: [(template: ReviewTemplate, status: ReviewTemplateUpdateStatus)] = []
        for stored in try allTemplates() where includingDeleted || stored.template.deletedAt == nil {
            listed.append((stored.template, try templateUpdateStatus(stored.template)))
        }
        return listed
    }

    /// Each lens of a template with its pinned version, how much of it the template answers and
    /// the version's status, as `template show` lists them.
    package func templateLensSummaries(_ stored: StoredTemplate) throws(WorkspaceError) -> [ReviewTemplateLensSummary] {
        try templateLenses(stored).map {
            ReviewTemplateLensSummary(
                alias: $0.applied.alias, version: $0.lens.version, questionCounts: $0.review.questionCounts,
                status: $0.lens.record.status(ofVersionInUse: $0.applied.version))
        }
    }
}

extension TemplateLens {
    /// The lens's questions in order, each with its pillar and the template's answer (nil when
    /// unanswered): all of them, or those of `pillar` (not found, naming the lens's pillars, when
    /// the lens has no such pillar).
    package func questions(inPillar pillar: String?) throws(WorkspaceError) -> [(pillarId: String, question: LensQuestion, answer: Answer?)] {
        if let pillar, lens.lens.pillar(id: pillar) == nil {
            throw .notFound(what: "pillar", name: pillar, hint: "lens \(applied.alias) has: \(lens.lens.pillars.map(\.id).joined(separator: ", "))")
        }
        var result: [(pillarId: String, question: LensQuestion, answer: Answer?)] = []
        for lensPillar in lens.lens.pillars where pillar == nil || lensPillar.id == pillar {
            for question in lensPillar.questions { result.append((lensPillar.id, question, answers[question.id]?.answer)) }
        }
        return result
    }
}
