/// What a change does to the rules risks are judged by, or to a workload's identity, that the
/// CI gate reports besides risks: a branch must not be able to lower a risk by rewriting the
/// rules instead of improving the answer.
///
/// Published lens versions are immutable, so a branch that edits or removes one fails. A
/// built-in lens file that differs from what this Welltree ships fails unless the base already
/// differed. A workload's id is fixed at creation. A new lens version, or a workload whose
/// lenses changed, is a lens-rules change: reported, and the head's answers are also judged by
/// the base's lens versions (see `ReviewDiff.risksUnderBaseLenses`), which is what fails the gate
/// when they hide a risk.
package struct IntegrityFinding: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// A lens version published in the base has other content or another record (`isMajor`,
        /// `createdAt`, its place in the list, the lens's `type`) in the head.
        case publishedVersionChanged = "PUBLISHED_VERSION_CHANGED"
        /// A lens version published in the base is gone from the head (its file or its entry in
        /// `lens.json`).
        case publishedVersionRemoved = "PUBLISHED_VERSION_REMOVED"
        /// A built-in lens file differs from what this Welltree ships, or a lens that Welltree
        /// does not ship claims to be AWS's, where the base did not.
        case builtinLensModified = "BUILTIN_LENS_MODIFIED"
        /// The id in a workload directory's `workload.json` changed.
        case workloadIdChanged = "WORKLOAD_ID_CHANGED"
        /// A lens version was added, or the lenses a workload applies (or their versions)
        /// changed. Reported; fails only through the risks it moves.
        case lensRulesChanged = "LENS_RULES_CHANGED"
        /// A profile version published in the base has other content or is gone in the head:
        /// it would re-prioritize the workloads on it without publishing a version.
        case publishedProfileVersionChanged = "PUBLISHED_PROFILE_VERSION_CHANGED"
        /// A review template's answers, notes or lenses changed while its version stayed, or its
        /// version went down: workloads record the version they were created from, so a
        /// version names one content.
        case templateChangedWithoutVersion = "TEMPLATE_CHANGED_WITHOUT_VERSION"

        /// The rule id in SARIF and Code Quality reports: `welltree/published-version-changed`.
        package var ruleId: String {
            "welltree/" + String(rawValue.lowercased().map { $0 == "_" ? "-" : $0 })
        }

        /// A short title for people: "Published lens version changed".
        package var title: String {
            switch self {
            case .publishedVersionChanged: "Published lens version changed"
            case .publishedVersionRemoved: "Published lens version removed"
            case .builtinLensModified: "Built-in lens modified"
            case .workloadIdChanged: "Workload id changed"
            case .lensRulesChanged: "Lens rules changed"
            case .publishedProfileVersionChanged: "Published profile version changed"
            case .templateChangedWithoutVersion: "Template changed without a new version"
            }
        }

        /// Whether a finding of this kind fails the gate by itself.
        package var fails: Bool { self != .lensRulesChanged }
    }

    package var kind: Kind
    /// The file at fault (a lens version, `lens.json` or `workload.json`), relative to the
    /// repository root.
    package var file: String
    /// The lens alias, for lens findings.
    package var lens: String?
    /// The lens version, when one is concerned.
    package var version: String?
    /// The workload, for workload findings.
    package var workloadId: String?
    package var workloadName: String?
    /// What happened, in one sentence naming the rule.
    package var message: String

    package init(
        kind: Kind, file: String, lens: String? = nil, version: String? = nil, workloadId: String? = nil,
        workloadName: String? = nil, message: String
    ) {
        self.kind = kind
        self.file = file
        self.lens = lens
        self.version = version
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.message = message
    }

    /// Whether this finding fails the gate by itself.
    package var fails: Bool { kind.fails }

    /// A stable fingerprint: kind, file and version, so the same finding keeps its identity
    /// across runs.
    package var fingerprint: String { RiskItem.fingerprint(of: "\(kind.rawValue)/\(file)/\(version ?? "")") }
}
