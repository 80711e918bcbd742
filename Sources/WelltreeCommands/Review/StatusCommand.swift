import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree status W [--lens ALIAS]`: the console's lens overview.
struct StatusCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per pillar: questions answered, high and medium risks.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: AnswerTarget
    @OptionGroup var milestone: MilestoneSelection
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
        let stored = selected.workload
        let updatedAt = review.answers.values.compactMap(\.updatedAt).max()
        let notes = try selected.workspace.lensNotes(of: stored, lens: review.applied.alias)
        let prioritized = try selected.workspace.prioritizedRiskCounts(of: stored, review: review)
        switch format.format {
        case .json:
            let status = try selected.workspace.lensStatus(review.applied, record: review.lens.record, of: stored.workload)
            let shape = LensReviewShape(record: review.lens.record, version: review.lens.version, status: status.rawValue,
                                        review: review.review, updatedAt: updatedAt ?? stored.workload.updatedAt, notes: notes,
                                        prioritized: prioritized, profile: stored.workload.profile)
            console.write(jsonText(GetLensReviewOutput(workloadId: stored.workload.id, review: shape, milestone: selected.milestoneNumber)))
        case .text:
            let record = review.lens.record
            let status = try selected.workspace.lensStatus(review.applied, record: record, of: stored.workload)
            // At a milestone the lens was as it was; the banner is about upgrading the present.
            let banner = selected.milestone != nil ? nil : LensUpgradeBanner.line(
                workload: stored.workload.name, alias: review.applied.alias, lensName: record.name, version: review.lens.version,
                status: status, available: [.notCurrent, .deprecated].contains(status) ? record.currentVersion?.version : nil)
            console.write(selected.banner + (banner.map { $0 + "\n\n" } ?? "") + ReviewText.status(workload: stored.workload.name, lensName: review.lens.record.name,
                                     version: review.lens.version, review: review.review, prioritized: prioritized,
                                     profileName: prioritized == nil ? nil : try selected.workspace.profile(of: stored.workload)?.profile.name)
                + ReviewText.notes(notes, pillars: review.review.pillars.map { ($0.id, $0.name) }))
            let cited = try selected.workspace.citations(of: stored, lens: review.applied.alias, answers: review.answers.mapValues(\.answer))
            if !cited.isEmpty {
                console.line("")
                console.line("Evidence: \(EvidenceText.summary(cited)) (welltree evidence \(stored.workload.id))")
            }
        }
    }
}

/// `welltree improvements W`: the improvement plan.
struct ImprovementsCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "improvements",
        abstract: "The improvement plan: questions with risk, HRIs first, by pillar priority, with the best practices to add.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: AnswerTarget
    @Option(help: "Only this pillar (its id).")
    var pillar: String?
    @Option(help: "Only this risk: high or medium.")
    var risk: RiskLevel?
    @OptionGroup var questionPriority: QuestionPriorityOption
    @OptionGroup var milestone: MilestoneSelection
    @Option(help: "Output format: text for people, json in the AWS API's response shapes, csv for Jira's and GitHub's issue importers.")
    var format: ImprovementsFormat = .text

    func run(in workspace: Workspace, console: Console) throws {
        let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
        let stored = selected.workload
        let priority = try stored.workload.pillarPriorities ?? selected.workspace.settings().pillarPriority
        let priorities = try questionPriority.priorities(of: stored.workload, review: review, in: selected.workspace)
        let items = review.improvements(
            pillarPriority: priority, risks: risk.map { [$0.risk] } ?? [.high, .medium], pillar: pillar, priorities: priorities,
            only: questionPriority.filter?.type)
        switch format {
        case .json: console.write(jsonText(ListLensReviewImprovementsOutput(workloadId: stored.workload.id, lens: review.lens.record, items: items, milestone: selected.milestoneNumber)))
        case .text: console.write(selected.banner + ReviewText.improvements(workload: stored.workload.name, items: items))
        case .csv: console.write(ImprovementCSV.render(workload: stored.workload, lens: review.lens.record, items: items))
        }
    }
}

/// `improvements --format`: the shared formats and csv, one row per improvement item.
enum ImprovementsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// `--risk high|medium`.
enum RiskLevel: String, ExpressibleByArgument, CaseIterable {
    case high, medium

    var risk: Risk { self == .high ? .high : .medium }
}
