import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree template ...`: review templates (CreateReviewTemplate and the operations around it).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Review templates: answers, notes and lenses written once, which new workloads start from.",
        discussion: """
            A workload created with `workload create --template T` starts with the template's lenses, answers and \
            notes, and records the template and its version. Only a template's owner (or an administrator) changes it.
            """,
        subcommands: [
            Create.self, List.self, Show.self, Update.self, Delete.self, Answer.self, Notes.self, Upgrade.self, Status.self, Apply.self,
            Share.self,
        ]
    )
}

/// The template a command addresses.
struct TemplateTarget: ParsableArguments {
    @Argument(help: "The template: its name (spaces and case ignored), its id or its ARN.")
    var template: String
}

extension Workspace {
    /// GetReviewTemplate's shape of a template: counts over all its lenses and its update status.
    func templateShape(_ stored: StoredTemplate) throws -> ReviewTemplateShape {
        var counts = TemplateQuestionCounts()
        for lens in try templateLenses(stored) { counts.add(lens.review.questionCounts) }
        return ReviewTemplateShape(stored.template, questionCounts: counts, updateStatus: try templateUpdateStatus(stored.template))
    }

    /// GetReviewTemplateLensReview's shape of one lens of a template.
    func templateLensReviewShape(_ lens: TemplateLens) -> ReviewTemplateLensReviewShape {
        ReviewTemplateLensReviewShape(
            record: lens.lens.record, version: lens.lens.version, status: lens.lens.record.status(ofVersionInUse: lens.applied.version),
            review: lens.review, updatedAt: lens.updatedAt)
    }
}
