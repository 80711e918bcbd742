/// A workload as one state of a repository has it, with every lens it applies judged: what the
/// risk diff, the gate's findings and its list of checked lenses are computed from.
///
/// The workspace builds it from the tree (each answer file parsed once, with the line its risk
/// follows from); everything computed from it here is a pure function of its values, so the
/// same answers give the same findings however they were read.
package struct JudgedWorkload: Sendable {
    package var workload: Workload
    /// The workload's directory (`workloads/<shard>/<dir>`), relative to the repository's root.
    package var directory: String
    /// Its `workload.json`, relative to the repository's root.
    package var file: String
    /// Its lenses, in the workload's order.
    package var lenses: [JudgedLens]

    package init(workload: Workload, directory: String, file: String, lenses: [JudgedLens]) {
        self.workload = workload
        self.directory = directory
        self.file = file
        self.lenses = lenses
    }

    /// The judged lens `alias`, or nil when the workload does not apply it.
    package func lens(_ alias: String) -> JudgedLens? {
        lenses.first { $0.alias == alias }
    }
}

/// One lens of one workload judged: the lens version's questions, every answer file of the lens
/// and the risk each question gets, and where each answer is written.
package struct JudgedLens: Sendable {
    package var alias: String
    /// The lens's name, as its record gives it.
    package var name: String
    /// The version whose rules judged the answers.
    package var version: String
    package var lens: Lens
    /// Every answer file of the lens directory, by question id (a file for a question this
    /// version does not have included: a diff shows what it held).
    package var answers: [String: Answer]
    /// The risk of every question of the lens version, pillar by pillar.
    package var review: LensReview
    /// For each answer, the line of its file its risk follows from (`Answer.riskLine`).
    package var lines: [String: Int]
    /// The file of a question's answer, whether or not it exists, relative to the repository's
    /// root: the workspace's layout decides it, so the core never spells a path.
    package var answerFile: @Sendable (String) -> String

    package init(
        alias: String, name: String, version: String, lens: Lens, answers: [String: Answer], review: LensReview,
        lines: [String: Int], answerFile: @escaping @Sendable (String) -> String
    ) {
        self.alias = alias
        self.name = name
        self.version = version
        self.lens = lens
        self.answers = answers
        self.review = review
        self.lines = lines
        self.answerFile = answerFile
    }

    /// The risk of every question of the lens version, by question id.
    package var risks: [String: Risk] {
        Dictionary(review.questions.map { ($0.questionId, $0.risk) }, uniquingKeysWith: { first, _ in first })
    }
}
