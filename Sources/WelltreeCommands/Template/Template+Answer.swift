import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension TemplateCommand {
    /// `welltree template answer ...`.
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Answer a review template's questions and read its answers.",
            discussion: "A template answer is ANSWERED or UNANSWERED; it has no risk until a workload created from the template is judged.",
            subcommands: [List.self, Show.self, Update.self])
    }
}

/// The template and lens a template answer command addresses.
struct TemplateAnswerTarget: ParsableArguments {
    @Argument(help: "The template: its name (spaces and case ignored), its id or its ARN.")
    var template: String

    @Option(help: "The lens alias (default: wellarchitected).", completion: .custom(Completions.lenses))
    var lens: String?
}

extension TemplateCommand.Answer {
    /// `welltree template answer list T [--lens L] [--pillar P]`: ListReviewTemplateAnswers.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a template lens's questions with their answer status.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateAnswerTarget
        @Option(help: "Only this pillar (its id).")
        var pillar: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try workspace.requireInitialised()
            let stored = try workspace.findTemplate(target.template)
            let lens = try workspace.templateLens(stored, alias: target.lens)
            let summaries = try lens.questions(inPillar: pillar).map {
                ReviewTemplateAnswerSummaryShape(pillarId: $0.pillarId, question: $0.question, answer: $0.answer)
            }
            console.write(
                format.format,
                json: ListReviewTemplateAnswersOutput(templateId: stored.template.id, lensAlias: lens.applied.alias, summaries: summaries)
            ) { TemplateText.answers(summaries) }
        }
    }

    /// `welltree template answer show T QUESTION [--lens L]`: GetReviewTemplateAnswer.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one question of a template with its best practices and answer.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateAnswerTarget
        @Argument(help: "The question id.", completion: .custom(Completions.questions))
        var question: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try workspace.requireInitialised()
            let stored = try workspace.findTemplate(target.template)
            let lens = try workspace.templateLens(stored, alias: target.lens)
            try TemplateCommand.Answer.write(question, of: stored, lens: lens, console: console, format: format.format, update: false)
        }
    }

    /// `welltree template answer update T QUESTION ...`: UpdateReviewTemplateAnswer.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Answer one question of a review template (one commit that raises its version; none when nothing changes).",
            discussion: AnswerUpdateOptions.discussion)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateAnswerTarget
        @Argument(help: "The question id (see `welltree template answer list`).", completion: .custom(Completions.questions))
        var question: String
        @OptionGroup var options: AnswerUpdateOptions
        @Option(help: ArgumentHelp("Cite evidence (repeatable), as answer update does; a workload created from the template copies it.", valueName: "[choice=]path[:l1-l2]|url"))
        var evidence: [String] = []
        @Flag(help: "Remove every citation (before the --evidence given are added).")
        var clearEvidence = false
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            var update = try options.update()
            update.clearEvidence = clearEvidence
            update.evidence = evidence.map(Evidence.parse)
            let (stored, lens, changed) = try workspace.updateTemplateAnswer(
                target.template, lens: target.lens, question: question, update: update)
            switch format.format {
            case .json: try TemplateCommand.Answer.write(question, of: stored, lens: lens, console: console, format: .json, update: true)
            case .text:
                let status = ReviewTemplateAnswerStatus(lens.answers[question]?.answer).rawValue
                console.line(
                    changed
                        ? "Answered \(question) of template \(TerminalText.line(stored.template.name)): \(status) (version \(stored.template.version))"
                        : "Answer to \(question) unchanged: \(status)")
                let counts = lens.review.questionCounts
                console.line("\(lens.applied.alias): \(counts.answered)/\(counts.total) answered")
            }
        }
    }

    /// One answer as GetReviewTemplateAnswer (or UpdateReviewTemplateAnswer) or as text.
    static func write(
        _ questionId: String, of stored: StoredTemplate, lens: TemplateLens, console: Console, format: OutputFormat, update: Bool
    ) throws {
        let (pillar, question) = try lens.question(questionId)
        let answer = lens.answers[questionId]
        switch format {
        case .json:
            let shape = ReviewTemplateAnswerShape(pillarId: pillar.id, question: question, answer: answer?.answer, updatedAt: answer?.updatedAt)
            if update {
                console.write(jsonText(UpdateReviewTemplateAnswerOutput(templateId: stored.template.id, lensAlias: lens.applied.alias, answer: shape)))
            } else {
                console.write(jsonText(GetReviewTemplateAnswerOutput(templateId: stored.template.id, lensAlias: lens.applied.alias, answer: shape)))
            }
        case .text:
            console.write(
                AnswerText.render(
                    pillar: pillar, question: question, answer: answer?.answer, templateStatus: ReviewTemplateAnswerStatus(answer?.answer)))
        }
    }
}
