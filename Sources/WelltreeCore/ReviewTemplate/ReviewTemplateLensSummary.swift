/// One lens of a review template as `template show` lists it: the version pinned, how many of
/// its questions the template answers, and whether that version is still current.
package struct ReviewTemplateLensSummary: Sendable, Equatable {
    package var alias: String
    package var version: String
    package var questionCounts: TemplateQuestionCounts
    /// The pinned version's status against the lens's record (current, deprecated, a newer major ...).
    package var status: WorkloadLensStatus

    package init(alias: String, version: String, questionCounts: TemplateQuestionCounts, status: WorkloadLensStatus) {
        self.alias = alias
        self.version = version
        self.questionCounts = questionCounts
        self.status = status
    }
}
