import WelltreeCore

// The JSON document of the template status command (docs/profiles-and-templates.md, "Templates
// that keep working"): Welltree's own, since the service has no such operation, named in the
// API's style.

/// One question of one workload that does not follow the template's current answer.
package struct TemplateQuestionStatusShape: Encodable {
    package var LensAlias: String
    package var PillarId: String
    package var QuestionId: String
    /// OUTDATED or OVERRIDDEN.
    package var State: String
    /// For OUTDATED: whether `template apply` writes the template's current answer.
    package var Applicable: Bool?
    /// For OUTDATED answers apply skips: why (the workload's lens version cannot take it).
    package var Blockers: [String]?

    package init(lensAlias: String, _ comparison: TemplateAnswerComparison) {
        LensAlias = lensAlias
        PillarId = comparison.pillarId
        QuestionId = comparison.questionId
        State = comparison.state.rawValue
        if comparison.state == .outdated {
            Applicable = comparison.isApplicable
            Blockers = comparison.blockers.isEmpty ? nil : comparison.blockers.map(\.description)
        }
    }
}

/// One lens's or pillar's notes of one workload that do not follow the template's notes now.
package struct TemplateNotesStatusShape: Encodable {
    package var LensAlias: String
    /// Left out for the lens's own notes.
    package var PillarId: String?
    /// OUTDATED or OVERRIDDEN.
    package var State: String

    package init(lensAlias: String, _ comparison: TemplateNotesComparison) {
        LensAlias = lensAlias
        PillarId = comparison.pillarId
        State = comparison.state.rawValue
    }

    /// `lens/notes` or `lens/notes/<pillar id>`, as the text output names it.
    package var place: String { LensAlias + "/" + (PillarId.map { "notes/\($0)" } ?? "notes") }
}

/// One workload created from the template.
package struct TemplateWorkloadStatusShape: Encodable {
    package var WorkloadId: String
    package var WorkloadName: String
    /// The template version the workload was created from.
    package var TemplateVersion: Int
    /// How many questions are CURRENT, OUTDATED and OVERRIDDEN.
    package var StateCounts: [String: Int]
    /// The OUTDATED and OVERRIDDEN questions, lens by lens in lens order.
    package var Questions: [TemplateQuestionStatusShape]
    /// How many lens and pillar notes (where either side has any) are CURRENT, OUTDATED and
    /// OVERRIDDEN.
    package var NotesStateCounts: [String: Int]
    /// The OUTDATED and OVERRIDDEN lens and pillar notes.
    package var Notes: [TemplateNotesStatusShape]

    /// `comparisons` by lens alias, in the order the workload applies the lenses.
    package init(
        workloadId: String, workloadName: String, reference: TemplateReference,
        comparisons: [(lensAlias: String, [TemplateAnswerComparison])], notes: [(lensAlias: String, [TemplateNotesComparison])] = []
    ) {
        var notesCounts = Dictionary(uniqueKeysWithValues: TemplateAnswerState.allCases.map { ($0.rawValue, 0) })
        var notesShapes: [TemplateNotesStatusShape] = []
        for (alias, list) in notes {
            for comparison in list {
                notesCounts[comparison.state.rawValue, default: 0] += 1
                if comparison.state != .current { notesShapes.append(TemplateNotesStatusShape(lensAlias: alias, comparison)) }
            }
        }
        NotesStateCounts = notesCounts
        Notes = notesShapes
        WorkloadId = workloadId
        WorkloadName = workloadName
        TemplateVersion = reference.version
        var counts = Dictionary(uniqueKeysWithValues: TemplateAnswerState.allCases.map { ($0.rawValue, 0) })
        var questions: [TemplateQuestionStatusShape] = []
        for (alias, lensComparisons) in comparisons {
            for comparison in lensComparisons {
                counts[comparison.state.rawValue, default: 0] += 1
                if comparison.state != .current { questions.append(TemplateQuestionStatusShape(lensAlias: alias, comparison)) }
            }
        }
        StateCounts = counts
        Questions = questions
    }
}

/// `template status`: every workload created from the template and where its answers stand.
package struct TemplateStatusOutput: Encodable {
    package var TemplateId: String
    package var TemplateName: String
    package var TemplateVersion: Int
    package var Workloads: [TemplateWorkloadStatusShape]

    package init(_ template: ReviewTemplate, workloads: [TemplateWorkloadStatusShape]) {
        TemplateId = template.id
        TemplateName = template.name
        TemplateVersion = template.version
        Workloads = workloads
    }
}
