import Testing

@testable import WelltreeCore

/// Reading the audit record: pushes per workload and since a time, and the reference values no
/// recorded push explains.
@Suite("Audit record: selection and unrecorded changes")
struct AuditLogTests {
    static let a = String(repeating: "a", count: 40)
    static let b = String(repeating: "b", count: 40)
    static let c = String(repeating: "c", count: 40)
    static let d = String(repeating: "d", count: 40)
    static let w1 = String(repeating: "1", count: 32)
    static let w2 = String(repeating: "2", count: 32)

    static func entry(_ time: String, _ updates: [AuditUpdate]) -> AuditEntry {
        AuditEntry(pushedAt: time, pusher: "bob@example.com", identifiedBy: "REMOTE_USER", updates: updates)
    }

    @Test func aWorkloadSeesOnlyThePushesAndUpdatesThatConcernIt() {
        let entries = [
            Self.entry(
                "2026-11-01T10:00:00Z",
                [
                    AuditUpdate(reference: "refs/heads/main", old: nil, new: Self.a, workloadIds: [Self.w1, Self.w2]),
                    AuditUpdate(reference: "refs/welltree/shares", old: nil, new: Self.b, workloadIds: [Self.w2]),
                ]),
            Self.entry(
                "2026-11-02T10:00:00Z", [AuditUpdate(reference: "refs/heads/main", old: Self.a, new: Self.c, workloadIds: [Self.w2])]),
        ]
        let first = AuditLog.select(entries, workloadId: Self.w1, since: nil)
        #expect(first.count == 1 && first[0].updates.map(\.reference) == ["refs/heads/main"])
        #expect(AuditLog.select(entries, workloadId: Self.w2, since: nil).flatMap(\.updates).count == 3)
        #expect(AuditLog.select(entries, workloadId: nil, since: ISOTime.seconds("2026-11-02T00:00:00Z")).count == 1)
        #expect(AuditLog.select(entries, workloadId: nil, since: nil) == entries)
    }

    @Test func valuesNoRecordedPushSetAreReportedOnceWhateverTheOrder() {
        // b -> c was recorded before a -> b (two pushes at once); c -> d started from c. Only
        // the change to x, made without the hook, is unexplained.
        let entries = [
            Self.entry("2026-11-01T10:00:00Z", [AuditUpdate(reference: "refs/heads/main", old: Self.b, new: Self.c)]),
            Self.entry("2026-11-01T10:00:01Z", [AuditUpdate(reference: "refs/heads/main", old: nil, new: Self.b)]),
            Self.entry("2026-11-01T10:00:02Z", [AuditUpdate(reference: "refs/heads/main", old: Self.c, new: Self.d)]),
            Self.entry("2026-11-01T10:00:03Z", [AuditUpdate(reference: "refs/heads/main", old: Self.a, new: Self.c)]),
            Self.entry("2026-11-01T10:00:04Z", [AuditUpdate(reference: "refs/heads/other", old: Self.a, new: Self.b)]),
        ]
        #expect(
            AuditLog.unrecorded(in: entries)
                == [
                    UnrecordedChange(reference: "refs/heads/main", id: Self.a), UnrecordedChange(reference: "refs/heads/other", id: Self.a),
                ])
        #expect(
            AuditLog.unrecorded(in: entries, references: ["refs/heads/other"]) == [
                UnrecordedChange(reference: "refs/heads/other", id: Self.a)
            ])
    }

    @Test func anEntryRoundTripsThroughCanonicalJSON() throws {
        var entry = Self.entry("2026-11-01T10:00:00Z", [AuditUpdate(reference: "refs/heads/main", old: Self.a, new: nil)])
        entry.override = "Remove a leaked secret"
        let bytes = try CanonicalJSON.encode(entry)
        #expect(try JSONNodeDecoder().decode(AuditEntry.self, from: bytes) == entry)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\"new\""))
    }
}
