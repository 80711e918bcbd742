import WelltreeCore

// The JSON document of `template apply` (Welltree's own, like `template status`; see
// TemplateStatusShapes.swift): what was written to each workload and what was left alone.

/// One workload `template apply` looked at.
package struct TemplateApplyWorkloadShape: Encodable {
    package var WorkloadId: String
    package var WorkloadName: String
    /// The template version the workload was created from.
    package var TemplateVersion: Int
    /// The questions that received the template's current answer (`lens/question`).
    package var Written: [String]
    /// The OUTDATED questions skipped (their proposal does not fit the workload's lens version)
    /// and the OVERRIDDEN ones, never touched.
    package var LeftAlone: [TemplateQuestionStatusShape]
    /// The lens and pillar notes that received the template's current notes
    /// (`lens/notes`, `lens/notes/<pillar id>`).
    package var NotesWritten: [String]
    /// The OVERRIDDEN lens and pillar notes, never touched.
    package var NotesLeftAlone: [TemplateNotesStatusShape]

    package init(
        workloadId: String, workloadName: String, reference: TemplateReference, written: [String],
        comparisons: [(lensAlias: String, [TemplateAnswerComparison])], notesWritten: [String] = [],
        notes: [(lensAlias: String, [TemplateNotesComparison])] = []
    ) {
        NotesWritten = notesWritten
        NotesLeftAlone = notes.flatMap { alias, list in
            list.filter { $0.state == .overridden }.map { TemplateNotesStatusShape(lensAlias: alias, $0) }
        }
        WorkloadId = workloadId
        WorkloadName = workloadName
        TemplateVersion = reference.version
        Written = written
        LeftAlone = comparisons.flatMap { alias, list in
            list.filter { $0.state == .overridden || ($0.state == .outdated && !$0.isApplicable) }.map {
                TemplateQuestionStatusShape(lensAlias: alias, $0)
            }
        }
    }
}

/// `template apply`.
package struct TemplateApplyOutput: Encodable {
    package var TemplateId: String
    package var TemplateName: String
    package var TemplateVersion: Int
    /// Whether a commit was made.
    package var Committed: Bool
    package var Workloads: [TemplateApplyWorkloadShape]

    package init(_ template: ReviewTemplate, committed: Bool, workloads: [TemplateApplyWorkloadShape]) {
        TemplateId = template.id
        TemplateName = template.name
        TemplateVersion = template.version
        Committed = committed
        Workloads = workloads
    }
}
