import WelltreeCore

/// The sections of a workload report, in the service's order, as its table of contents lists
/// them: the workload's (or milestone's) properties, the lens overview, the improvement plan
/// split into high and medium risks, then each lens's details per pillar. HTML and PDF lay out
/// the same list, so their contents, anchors and bookmarks cannot disagree.
package enum ReportContents {
    /// A place in the report a contents entry, a bookmark or a link goes to. Lenses and pillars
    /// are numbered by their position in the model, which is all a PDF destination name is made
    /// of; an HTML id carries the lens and pillar ids, readable in an address.
    package enum Anchor: Sendable, Equatable, Hashable {
        case properties
        case overview
        case lensOverview(lens: Int)
        case improvementPlan
        case lensImprovements(lens: Int)
        case risk(lens: Int, Risk)
        case details
        case lensDetails(lens: Int)
        case pillar(lens: Int, pillar: Int)
        case question(lens: Int, pillar: Int, question: Int)
    }

    /// One entry of the contents: its level (0 for a section, 1 for a lens, 2 below), title and
    /// where it goes.
    package struct Entry: Sendable, Equatable {
        package var level: Int
        package var title: String
        package var anchor: Anchor
    }

    /// "Workload properties", or "Milestone properties" for a milestone report.
    package static func propertiesTitle(_ model: WorkloadReportModel) -> String {
        model.milestone == nil ? "Workload properties" : "Milestone properties"
    }

    /// "AWS Well-Architected Framework 1.1".
    package static func lensTitle(_ lens: LensReport) -> String { "\(lens.name) \(lens.version)" }

    /// "High risks (3)", "Medium risks (0)".
    package static func riskTitle(_ risk: Risk, count: Int) -> String {
        "\(risk == .high ? "High" : "Medium") risks (\(count))"
    }

    /// The improvement items of `lens` at `risk`, in plan order.
    package static func items(_ lens: LensReport, _ risk: Risk) -> [ImprovementItem] {
        lens.improvements.filter { $0.risk == risk }
    }

    /// The contents: sections, lenses, risk groups and pillars. Questions are not listed (a
    /// framework review has 57); the PDF bookmarks them under their pillar.
    package static func entries(_ model: WorkloadReportModel) -> [Entry] {
        var entries = [Entry(level: 0, title: propertiesTitle(model), anchor: .properties)]
        entries.append(Entry(level: 0, title: "Lens overview", anchor: .overview))
        for (index, lens) in model.lenses.enumerated() {
            entries.append(Entry(level: 1, title: lensTitle(lens), anchor: .lensOverview(lens: index)))
        }
        entries.append(Entry(level: 0, title: "Improvement plan", anchor: .improvementPlan))
        for (index, lens) in model.lenses.enumerated() {
            entries.append(Entry(level: 1, title: lensTitle(lens), anchor: .lensImprovements(lens: index)))
            for risk in [Risk.high, .medium] {
                entries.append(Entry(level: 2, title: riskTitle(risk, count: items(lens, risk).count), anchor: .risk(lens: index, risk)))
            }
        }
        entries.append(Entry(level: 0, title: "Lens details", anchor: .details))
        for (index, lens) in model.lenses.enumerated() {
            entries.append(Entry(level: 1, title: lensTitle(lens), anchor: .lensDetails(lens: index)))
            for (pillarIndex, pillar) in lens.pillars.enumerated() {
                entries.append(Entry(level: 2, title: pillar.name, anchor: .pillar(lens: index, pillar: pillarIndex)))
            }
        }
        return entries
    }

    /// Where an improvement item's question is in the lens details, or nil when the lens
    /// report has no such question.
    package static func questionAnchor(_ item: ImprovementItem, lens: Int, in report: LensReport) -> Anchor? {
        guard let pillar = report.pillars.firstIndex(where: { $0.id == item.pillarId }),
            let question = report.pillars[pillar].questions.firstIndex(where: { $0.id == item.questionId })
        else { return nil }
        return .question(lens: lens, pillar: pillar, question: question)
    }

    /// The HTML id of an anchor: the section's name, the lens alias and the pillar and
    /// question ids joined by `.`, which none of them contains, so two places never share an id
    /// (`q-a-b-c` could be lens `a-b`'s question `c` or lens `a`'s question `b-c`). The caller
    /// escapes it like any other attribute value.
    package static func htmlId(_ anchor: Anchor, in model: WorkloadReportModel) -> String {
        func alias(_ lens: Int) -> String { model.lenses[lens].alias }
        func pillar(_ lens: Int, _ pillar: Int) -> String { model.lenses[lens].pillars[pillar].id }
        switch anchor {
        case .properties: return "properties"
        case .overview: return "overview"
        case .lensOverview(let lens): return "overview.\(alias(lens))"
        case .improvementPlan: return "improvement-plan"
        case .lensImprovements(let lens): return "improvements.\(alias(lens))"
        case .risk(let lens, let risk): return "improvements.\(alias(lens)).\(risk == .high ? "high" : "medium")"
        case .details: return "details"
        case .lensDetails(let lens): return "details.\(alias(lens))"
        case .pillar(let lens, let index): return "pillar.\(alias(lens)).\(pillar(lens, index))"
        case .question(let lens, let index, let question):
            return "q.\(alias(lens)).\(model.lenses[lens].pillars[index].questions[question].id)"
        }
    }

    /// The PDF destination name of an anchor: positions only, never text from the repository,
    /// so nothing in a lens can reach the attributes cairo parses.
    package static func pdfName(_ anchor: Anchor) -> String {
        switch anchor {
        case .properties: "properties"
        case .overview: "overview"
        case .lensOverview(let lens): "overview.\(lens)"
        case .improvementPlan: "improvement-plan"
        case .lensImprovements(let lens): "improvements.\(lens)"
        case .risk(let lens, let risk): "improvements.\(lens).\(risk == .high ? "high" : "medium")"
        case .details: "details"
        case .lensDetails(let lens): "details.\(lens)"
        case .pillar(let lens, let pillar): "pillar.\(lens).\(pillar)"
        case .question(let lens, let pillar, let question): "q.\(lens).\(pillar).\(question)"
        }
    }
}
