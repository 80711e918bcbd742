/// One push the server accepted, as its hook recorded it on `refs/welltree/audit`: who the
/// server authenticated (never what the commits claim), when, and every reference it moved.
///
/// Stored as canonical JSON (`push.json`) in one commit per push; only the server hook writes
/// the record, and the hook refuses every push to it.
package struct AuditEntry: Sendable, Equatable, Codable {
    /// When the hook recorded the push (UTC, `2026-11-27T11:05:36Z`).
    package var pushedAt: String
    /// The principal the server authenticated.
    package var pusher: String
    /// How: `GL_USER`, `REMOTE_USER` or `signed push certificate`.
    package var identifiedBy: String
    /// The reason an administrator gave to override a protection (`-o welltree.override=...`).
    package var override: String?
    package var updates: [AuditUpdate]

    package init(pushedAt: String, pusher: String, identifiedBy: String, override: String? = nil, updates: [AuditUpdate]) {
        self.pushedAt = pushedAt
        self.pusher = pusher
        self.identifiedBy = identifiedBy
        self.override = override
        self.updates = updates
    }

    private enum CodingKeys: String, CodingKey { case pushedAt, pusher, identifiedBy, override, updates }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pushedAt = try c.decode(String.self, forKey: .pushedAt)
        pusher = try c.decode(String.self, forKey: .pusher)
        identifiedBy = try c.decode(String.self, forKey: .identifiedBy)
        override = try c.decodeIfPresent(String.self, forKey: .override)
        updates = try c.decode([AuditUpdate].self, forKey: .updates)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pushedAt, forKey: .pushedAt)
        try c.encode(pusher, forKey: .pusher)
        try c.encode(identifiedBy, forKey: .identifiedBy)
        try c.encodeIfPresent(override, forKey: .override)
        try c.encode(updates, forKey: .updates)
    }
}

/// One reference a recorded push moved.
package struct AuditUpdate: Sendable, Equatable, Codable {
    package var reference: String
    /// The object id before the push (40 hex digits), nil when the push created the reference.
    package var old: String?
    /// The object id after the push, nil when the push deleted the reference.
    package var new: String?
    /// Whether the push replaced history (the old commit is not in the new one's history).
    package var forced: Bool
    /// The ids of the workloads the update changed: files below their directories on a
    /// branch, their share files on the shares ref, their milestone tags.
    package var workloadIds: [String]

    package init(reference: String, old: String?, new: String?, forced: Bool = false, workloadIds: [String] = []) {
        self.reference = reference
        self.old = old
        self.new = new
        self.forced = forced
        self.workloadIds = workloadIds
    }

    private enum CodingKeys: String, CodingKey { case reference, old, new, forced, workloadIds }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reference = try c.decode(String.self, forKey: .reference)
        old = try c.decodeIfPresent(String.self, forKey: .old)
        new = try c.decodeIfPresent(String.self, forKey: .new)
        forced = try c.decodeIfPresent(Bool.self, forKey: .forced) ?? false
        workloadIds = try c.decodeIfPresent([String].self, forKey: .workloadIds) ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encodeIfPresent(old, forKey: .old)
        try c.encodeIfPresent(new, forKey: .new)
        try c.encode(forced, forKey: .forced)
        try c.encode(workloadIds, forKey: .workloadIds)
    }
}

/// A reference value the record cannot account for: some update started from it, but no
/// recorded push set it (it predates the record, or was changed on the server without the hook).
package struct UnrecordedChange: Sendable, Equatable {
    package var reference: String
    package var id: String

    package init(reference: String, id: String) {
        self.reference = reference
        self.id = id
    }
}

/// Reading the audit record: which pushes concern a workload, since when, and which changes
/// happened outside it.
package enum AuditLog {
    /// The entries (oldest first) with at least one update that concerns `workloadId` (all when
    /// nil) at or after `since` (seconds since 1970), each keeping only those updates.
    package static func select(_ entries: [AuditEntry], workloadId: String?, since: Int64?) -> [AuditEntry] {
        entries.compactMap { entry in
            if let since, (ISOTime.seconds(entry.pushedAt) ?? Int64.min) < since { return nil }
            guard let workloadId else { return entry }
            var kept = entry
            kept.updates = entry.updates.filter { $0.workloadIds.contains(workloadId) }
            return kept.updates.isEmpty ? nil : kept
        }
    }

    /// Every value some update started from that no recorded update set, for the references
    /// in `references` (all when nil). Pushes recorded out of order (two at once) still pair up:
    /// an update's old value only has to be some recorded update's new value.
    package static func unrecorded(in entries: [AuditEntry], references: Set<String>? = nil) -> [UnrecordedChange] {
        var set: [String: Set<String>] = [:]
        for update in entries.flatMap(\.updates) {
            if let new = update.new { set[update.reference, default: []].insert(new) }
        }
        var result: [UnrecordedChange] = []
        var seen: Set<String> = []
        for update in entries.flatMap(\.updates) {
            guard let old = update.old, references?.contains(update.reference) ?? true else { continue }
            guard !(set[update.reference]?.contains(old) ?? false), seen.insert(update.reference + " " + old).inserted else { continue }
            result.append(UnrecordedChange(reference: update.reference, id: old))
        }
        return result
    }
}
