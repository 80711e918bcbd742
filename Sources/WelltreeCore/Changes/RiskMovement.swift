/// A risk of one question of one lens of one workload: the unit the CI gate counts.
///
/// Identified by workload id, lens alias and question id, never by a file line: moving a
/// workload's directory or reformatting a file changes no identity, so a baseline comparison
/// reports only what really got worse.
package struct RiskItem: Sendable, Equatable, Codable {
    package var workloadId: String
    package var workloadName: String
    package var lens: String
    package var lensName: String
    package var pillarId: String
    package var questionId: String
    package var title: String
    /// The risk in the state the item comes from (head for new risks, base for resolved ones).
    package var risk: Risk
    /// The risk on the other side of a comparison; nil when there was no base.
    package var otherRisk: Risk?
    /// The answer file, relative to the repository root (workload.json when unanswered).
    package var file: String
    /// The line of the `"selectedChoices"` member in that file (1 when it has none).
    package var line: Int
    /// Best practices whose absence makes the risk, for the message.
    package var missing: [ChoiceRef]
    /// Which lens versions judged the answer: nil for the state's own, `base` for the base's
    /// lens versions applied to the head's answers after a lens-rules change (a risk the
    /// head's own rules do not show).
    package var rules: String? = nil

    /// The `rules` of a risk judged by the base's lens versions.
    package static let baseRules = "base"

    package init(
        workloadId: String, workloadName: String, lens: String, lensName: String, pillarId: String, questionId: String,
        title: String, risk: Risk, otherRisk: Risk?, file: String, line: Int = 1, missing: [ChoiceRef] = []
    ) {
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.lens = lens
        self.lensName = lensName
        self.pillarId = pillarId
        self.questionId = questionId
        self.title = title
        self.risk = risk
        self.otherRisk = otherRisk
        self.file = file
        self.line = line
        self.missing = missing
    }

    /// `workloadId/lens/questionId`: the identity of the risk.
    package var key: String { "\(workloadId)/\(lens)/\(questionId)" }

    /// A stable fingerprint of the identity (FNV-1a, 64 bits, hex): the same risk gets the same
    /// fingerprint in every run, whatever line or directory it is found at.
    package var fingerprint: String { Self.fingerprint(of: key) }

    /// FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits.
    package static func fingerprint(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// How risks moved between two states: HRIs and MRIs that appeared or went away.
package struct RiskMovement: Sendable, Equatable, Codable {
    package var newHigh: [RiskItem] = []
    package var resolvedHigh: [RiskItem] = []
    package var newMedium: [RiskItem] = []
    package var resolvedMedium: [RiskItem] = []

    package init() {}

    /// Records the move of one risk from `before` to `after`. `item` describes the question on
    /// the side that has it; its `risk` and `otherRisk` are set here.
    package mutating func record(_ item: RiskItem, before: Risk, after: Risk, resolvedItem: RiskItem? = nil) {
        if before == after { return }
        var current = item
        current.risk = after
        current.otherRisk = before
        var previous = resolvedItem ?? item
        previous.risk = before
        previous.otherRisk = after
        if after == .high { newHigh.append(current) }
        if before == .high { resolvedHigh.append(previous) }
        if after == .medium { newMedium.append(current) }
        if before == .medium { resolvedMedium.append(previous) }
    }

    package mutating func add(_ other: RiskMovement) {
        newHigh += other.newHigh
        resolvedHigh += other.resolvedHigh
        newMedium += other.newMedium
        resolvedMedium += other.resolvedMedium
    }

    /// Net change of the HRI count.
    package var highDelta: Int { newHigh.count - resolvedHigh.count }
    /// Net change of the MRI count.
    package var mediumDelta: Int { newMedium.count - resolvedMedium.count }
    package var isEmpty: Bool { newHigh.isEmpty && resolvedHigh.isEmpty && newMedium.isEmpty && resolvedMedium.isEmpty }
}
