import WelltreeCore

/// `welltree audit --format json`: the recorded pushes, oldest first, and the reference values
/// the record cannot account for. Welltree's own shape (the API has none for it), named as the
/// others are.
package struct AuditOutput: Encodable {
    package var Pushes: [AuditPushShape]
    package var Unrecorded: [UnrecordedShape]

    package init(entries: [(commit: String, entry: AuditEntry)], unrecorded: [UnrecordedChange]) {
        Pushes = entries.map { AuditPushShape(commit: $0.commit, entry: $0.entry) }
        Unrecorded = unrecorded.map { UnrecordedShape(Reference: $0.reference, Id: $0.id) }
    }
}

/// One recorded push.
package struct AuditPushShape: Encodable {
    /// The commit of `refs/welltree/audit` that records it.
    package var AuditCommit: String
    package var PushedAt: String
    package var Pusher: String
    package var IdentifiedBy: String
    package var Override: String?
    package var Updates: [AuditUpdateShape]

    init(commit: String, entry: AuditEntry) {
        AuditCommit = commit
        PushedAt = entry.pushedAt
        Pusher = entry.pusher
        IdentifiedBy = entry.identifiedBy
        Override = entry.override
        Updates = entry.updates.map {
            AuditUpdateShape(Reference: $0.reference, OldId: $0.old, NewId: $0.new, Forced: $0.forced, WorkloadIds: $0.workloadIds)
        }
    }
}

/// One reference a recorded push moved.
package struct AuditUpdateShape: Encodable {
    package var Reference: String
    package var OldId: String?
    package var NewId: String?
    package var Forced: Bool
    package var WorkloadIds: [String]
}

/// A reference value no recorded push set.
package struct UnrecordedShape: Encodable {
    package var Reference: String
    package var Id: String
}

/// The audit record for people: one row per reference a push moved, then the values the
/// record cannot account for. Text from the record is escaped for the terminal (`TerminalText`).
package func auditText(_ entries: [AuditEntry], unrecorded: [UnrecordedChange]) -> String {
    var text = ""
    if entries.isEmpty {
        text = "No recorded pushes.\n"
    } else {
        var table = TextTable(["PUSHED AT", "PUSHER", "IDENTIFIED BY", "REFERENCE", "CHANGE"])
        for entry in entries {
            for update in entry.updates {
                var change: String
                switch (update.old, update.new) {
                case (nil, let new?): change = "created \(new.prefix(7))"
                case (let old?, nil): change = "deleted \(old.prefix(7))"
                case (let old?, let new?):
                    change = update.forced ? "\(old.prefix(7))...\(new.prefix(7)) (forced)" : "\(old.prefix(7))..\(new.prefix(7))"
                case (nil, nil): change = ""
                }
                if let override = entry.override { change += " (override: \(override))" }
                table.add([entry.pushedAt, entry.pusher, entry.identifiedBy, update.reference, change])
            }
        }
        text = table.render()
    }
    for gap in unrecorded {
        text +=
            "\(TerminalText.line(gap.reference)) reached \(TerminalText.line(String(gap.id.prefix(7)))) by no recorded push "
            + "(before the record began, or changed on the server without the hook)\n"
    }
    return text
}
