import WelltreeCore
import WelltreeReports

/// A report model built from fixed values (clock, commit, ids), so rendered reports are the same
/// bytes on every run and can be compared with golden files.
enum ReportFixture {
    static let lens = Lens(
        name: "Sample Lens", description: "A small lens for report tests.",
        pillars: [
            LensPillar(id: "operationalExcellence", name: "Operational excellence", questions: [
                LensQuestion(
                    id: "ops_priorities", title: "How do you determine what your priorities are?",
                    helpfulResource: LensResource(displayText: "Priorities", url: "https://example.com/ops/priorities"),
                    choices: [
                        choice("ops_priorities_a", "Evaluate external customer needs"),
                        choice("ops_priorities_b", "Evaluate internal customer needs"),
                        choice("ops_priorities_c", "Evaluate governance requirements"),
                        LensChoice(id: "ops_priorities_no", title: "None of these"),
                    ],
                    riskRules: [
                        RiskRule(condition: "ops_priorities_a && ops_priorities_b", risk: .none),
                        RiskRule(condition: "ops_priorities_a || ops_priorities_b", risk: .medium),
                        RiskRule(condition: "default", risk: .high),
                    ]),
                LensQuestion(
                    id: "ops_health", title: "How do you understand the health of your workload?",
                    choices: [choice("ops_health_a", "Identify key performance indicators"), LensChoice(id: "ops_health_no", title: "None of these")],
                    riskRules: [RiskRule(condition: "ops_health_a", risk: .none), RiskRule(condition: "default", risk: .high)]),
            ]),
            LensPillar(id: "security", name: "Security", questions: [
                LensQuestion(
                    id: "sec_identities", title: "How do you manage identities for people and machines?",
                    choices: [
                        choice("sec_identities_a", "Use strong sign-in mechanisms"),
                        choice("sec_identities_b", "Use temporary credentials"),
                        LensChoice(id: "sec_identities_no", title: "None of these"),
                    ],
                    riskRules: [
                        RiskRule(condition: "sec_identities_a && sec_identities_b", risk: .none),
                        RiskRule(condition: "default", risk: .high),
                    ]),
                LensQuestion(
                    id: "sec_data", title: "How do you classify your data?",
                    choices: [choice("sec_data_a", "Identify the data within your workload")],
                    riskRules: [RiskRule(condition: "sec_data_a", risk: .none), RiskRule(condition: "default", risk: .medium)]),
                LensQuestion(
                    id: "sec_network", title: "How do you protect your network resources?",
                    choices: [choice("sec_network_a", "Create network layers"), choice("sec_network_b", "Control traffic at all layers")],
                    riskRules: [RiskRule(condition: "sec_network_a && sec_network_b", risk: .none), RiskRule(condition: "default", risk: .medium)]),
            ]),
        ])

    static let longNote = """
        Traffic between tiers is filtered by security groups; the network ACLs were reviewed with the platform team \
        and every rule has an owner. Évaluation des règles: trimestrielle. Ωμέγα zone rules follow the same pattern. \
        The Tokyo fail-over runbook (東京リージョンのフェイルオーバー手順) was rehearsed in October and the results are \
        in the runbook repository. Remaining work: automate the rule review so that drift is reported within a day.
        """

    static let answers: [String: Answer] = [
        "ops_priorities": Answer(
            selectedChoices: ["ops_priorities_a"],
            notApplicableChoices: ["ops_priorities_c": ChoiceNotApplicable(reason: .businessPriorities, notes: "Governance is set by the parent company")],
            notes: "Priorities are reviewed every quarter.\nNext review: December, with the 東京 team."),
        "sec_identities": Answer(selectedChoices: ["sec_identities_no"], notes: "Shared admin user still in use."),
        "sec_data": Answer(isApplicable: false, reason: .outOfScope),
        "sec_network": Answer(selectedChoices: ["sec_network_a", "sec_network_b"], notes: longNote),
    ]

    static let workload = Workload(
        id: "0123456789abcdef0123456789abcdef", name: "Retail Website - North America",
        description: "Online retail storefront serving customers in North America", reviewOwner: "Jane Doe",
        environment: .production, awsRegions: ["us-east-1", "us-west-2"], nonAwsRegions: ["Local data center"],
        tags: ["team": "storefront"], notes: "Évaluation initiale avant le lancement.", improvementStatus: .inProgress,
        owner: "alice@example.com", lenses: [WorkloadLens(alias: "sample", version: "1.0")],
        createdAt: "2026-11-01T09:00:00Z", updatedAt: "2026-11-20T10:30:00Z")

    static let record = LensRecord(
        alias: "sample", name: "Sample Lens", owner: "alice@example.com", type: .customSelf,
        versions: [LensVersionRecord(version: "1.0", isMajor: true, createdAt: "2026-10-01T08:00:00Z")])

    /// The lens and pillar notes of the sample review.
    static let notes = LensReviewNotes(
        notes: "Reviewed with the storefront team; next review in March.",
        pillarNotes: ["security": "Penetration test booked for January.\nOwner: the platform team."])

    static func lensReport(answers: [String: Answer] = answers, notes: LensReviewNotes = notes) -> LensReport {
        let review = LensEvaluator(lens: lens).review(answers: answers)
        return LensReport(
            record: record, version: "1.0", lens: lens, review: review, pillarPriority: ["security", "operationalExcellence"], notes: notes)
    }

    /// The current state of the workload.
    static func model() -> WorkloadReportModel {
        WorkloadReportModel(
            workload: workload, updatedAt: "2026-11-26T14:12:00Z", pillarPriority: ["security", "operationalExcellence"],
            lenses: [lensReport()], commit: "89abcdef0123456789abcdef0123456789abcdef", generatedAt: "2026-11-27T12:00:00Z")
    }

    /// The same workload as a milestone, with a trend over three milestones.
    static func milestoneModel() -> WorkloadReportModel {
        var model = model()
        model.milestone = MilestoneInfo(
            name: "Launch review", number: 3, recordedAt: "2026-11-25T16:00:00Z",
            signatureStatus: "good signature by Alice Example <alice@example.com>")
        model.trend = [
            TrendPoint(label: "Initial review", high: 4, medium: 2), TrendPoint(label: "Design fixes", high: 3, medium: 2),
            TrendPoint(label: "Launch review", high: 1, medium: 1),
        ]
        return model
    }

    /// Two workloads: the sample and a fully answered one.
    static func consolidated() -> ConsolidatedReportModel {
        var other = model()
        other.workload.id = "fedcba9876543210fedcba9876543210"
        other.workload.name = "Internal Employee Portal"
        other.workload.improvementStatus = .notStarted
        other.updatedAt = "2026-11-10T08:00:00Z"
        other.lenses = [lensReport(answers: [
            "ops_priorities": Answer(selectedChoices: ["ops_priorities_a", "ops_priorities_b"]),
            "ops_health": Answer(selectedChoices: ["ops_health_a"]),
            "sec_identities": Answer(selectedChoices: ["sec_identities_a"]),
            "sec_data": Answer(selectedChoices: ["sec_data_a"]),
            "sec_network": Answer(selectedChoices: ["sec_network_a"]),
        ])]
        return ConsolidatedReportModel(workloads: [other, model()], commit: "89abcdef0123456789abcdef0123456789abcdef", generatedAt: "2026-11-27T12:00:00Z")
    }

    static func choice(_ id: String, _ title: String) -> LensChoice {
        LensChoice(
            id: id, title: title, helpfulResource: LensResource(displayText: title, url: "https://example.com/help/\(id)"),
            improvementPlan: LensResource(displayText: "Improve: \(title)", url: "https://example.com/improve/\(id)"))
    }
}
