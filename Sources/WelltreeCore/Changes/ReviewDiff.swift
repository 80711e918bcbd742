/// What changed between two states of a workspace, in reviewer terms: workloads, their
/// answers question by question, the lenses, and how the risks moved.
///
/// Built by the workspace from the changed parts of two trees only, rendered by the reports
/// (text, Markdown for pull-request comments, JSON). Everything is a plain value so the JSON
/// output is the `Codable` shape itself.
package struct ReviewDiff: Sendable, Equatable, Codable {
    /// How the base state was named (a revision as given, or a commit id).
    package var base: String
    /// How the head state was named (`HEAD`, a revision, or `work tree`).
    package var head: String
    /// Workloads whose files changed, or whose risks a lens change moved, in name order.
    package var workloads: [WorkloadChange]
    /// Lenses of the catalogue that were added, removed or changed.
    package var lenses: [LensCatalogChange]
    /// The risk movement over all workloads.
    package var risks: RiskMovement
    /// Lens integrity: published versions changed or removed, built-in lens files that differ
    /// from what this Welltree ships, workload ids changed, and lens-rules changes.
    package var integrity: [IntegrityFinding]
    /// After a lens-rules change, the HRIs and MRIs that the head's answers have under the
    /// base's lens versions and the base did not have, and that the head's own lens versions
    /// do not show (each with `rules` = `base`). Empty when no lens rules changed.
    package var risksUnderBaseLenses: RiskMovement

    package init(
        base: String, head: String, workloads: [WorkloadChange], lenses: [LensCatalogChange],
        integrity: [IntegrityFinding] = [], risksUnderBaseLenses: RiskMovement = RiskMovement()
    ) {
        self.base = base
        self.head = head
        self.workloads = workloads
        self.lenses = lenses
        var total = RiskMovement()
        for workload in workloads { total.add(workload.risks) }
        risks = total
        self.integrity = integrity
        self.risksUnderBaseLenses = risksUnderBaseLenses
    }

    /// True when nothing a reviewer cares about changed.
    package var isEmpty: Bool { workloads.isEmpty && lenses.isEmpty && integrity.isEmpty && risksUnderBaseLenses.isEmpty }
}

/// How a workload changed.
package enum WorkloadChangeKind: String, Sendable, Codable {
    case added = "ADDED"
    case removed = "REMOVED"
    /// Its name changed (other properties may have changed too).
    case renamed = "RENAMED"
    /// Its properties or answers changed.
    case edited = "EDITED"
    /// Nothing of it changed, but a lens it applies did, moving its risks.
    case reevaluated = "REEVALUATED"
}

/// One workload in a diff.
package struct WorkloadChange: Sendable, Equatable, Codable {
    package var id: String
    /// The name in the head state (the base name for a removed workload).
    package var name: String
    /// The base name when the workload was renamed.
    package var previousName: String?
    /// `workloads/<dir>` in the head state (the base one for a removed workload).
    package var directory: String
    package var kind: WorkloadChangeKind
    /// Properties whose values differ, in the file's key order.
    package var properties: [PropertyChange]
    /// Per applied lens: the questions whose answers or risks changed.
    package var lenses: [LensAnswerChanges]
    /// The risk movement of this workload.
    package var risks: RiskMovement

    package init(
        id: String, name: String, previousName: String? = nil, directory: String, kind: WorkloadChangeKind,
        properties: [PropertyChange] = [], lenses: [LensAnswerChanges] = [], risks: RiskMovement = RiskMovement()
    ) {
        self.id = id
        self.name = name
        self.previousName = previousName
        self.directory = directory
        self.kind = kind
        self.properties = properties
        self.lenses = lenses
        self.risks = risks
    }
}

/// One property of a workload, before and after (nil when unset on that side).
package struct PropertyChange: Sendable, Equatable, Codable {
    /// The key in workload.json (`reviewOwner`, `tags`, ...).
    package var property: String
    package var before: String?
    package var after: String?

    package init(property: String, before: String?, after: String?) {
        self.property = property
        self.before = before
        self.after = after
    }
}

/// How the application of a lens to a workload changed.
package enum LensApplicationChange: String, Sendable, Codable {
    /// Applied on both sides.
    case kept = "KEPT"
    /// Applied only in the head state.
    case applied = "APPLIED"
    /// Applied only in the base state: its risks no longer count.
    case removed = "REMOVED"
}

/// The changed questions of one lens of one workload.
package struct LensAnswerChanges: Sendable, Equatable, Codable {
    package var alias: String
    package var name: String
    package var application: LensApplicationChange
    /// The version evaluated on each side, when it moved (`1.0 -> 2.0`).
    package var versionBefore: String?
    package var versionAfter: String?
    /// Questions in lens order.
    package var questions: [QuestionChange]

    package init(alias: String, name: String, application: LensApplicationChange, versionBefore: String? = nil,
                 versionAfter: String? = nil, questions: [QuestionChange]) {
        self.alias = alias
        self.name = name
        self.application = application
        self.versionBefore = versionBefore
        self.versionAfter = versionAfter
        self.questions = questions
    }
}

/// A best practice named in a diff: its id and its title.
package struct ChoiceRef: Sendable, Equatable, Codable {
    package var id: String
    package var title: String

    package init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// A lens of the catalogue that changed (its files below `lenses/<alias>/`).
package struct LensCatalogChange: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable {
        case added = "ADDED"
        case removed = "REMOVED"
        case changed = "CHANGED"
        case deleted = "DELETED"
    }

    package var alias: String
    package var name: String
    package var kind: Kind
    /// Versions published between the two states.
    package var versionsPublished: [String]
    /// Whether the draft changed (a draft never affects risks).
    package var draftChanged: Bool

    package init(alias: String, name: String, kind: Kind, versionsPublished: [String], draftChanged: Bool) {
        self.alias = alias
        self.name = name
        self.kind = kind
        self.versionsPublished = versionsPublished
        self.draftChanged = draftChanged
    }
}
