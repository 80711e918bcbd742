import Testing

@testable import WelltreeCore

@Suite("Profile notifications")
struct ProfileNotificationTests {
    static func profile(_ id: Character, versions: [String], deleted: Bool = false) -> Profile {
        let t = "2026-12-01T09:00:00Z"
        return Profile(
            id: String(repeating: id, count: 32), name: "Profile \(id)", description: "A profile", owner: "alice",
            versions: versions.map { ProfileVersionRecord(version: $0, createdAt: t) }, createdAt: t, updatedAt: t,
            deletedAt: deleted ? t : nil)
    }

    static func use(_ workload: String, _ profile: Character, _ version: String) -> ProfileNotification.WorkloadUse {
        ProfileNotification.WorkloadUse(
            workloadId: String(repeating: workload, count: 32), workloadName: "Workload \(workload)",
            profile: ProfileReference(id: String(repeating: profile, count: 32), version: version))
    }

    /// Behind the latest version: PROFILE_ANSWERS_UPDATED; deleted (even on the latest version)
    /// or gone: PROFILE_DELETED; on the latest version of a live profile: nothing.
    @Test func eachWorkloadIsToldWhatHappenedToItsProfile() {
        let profiles = [
            Self.profile("a", versions: ["1", "2", "3"]), Self.profile("b", versions: ["1"], deleted: true),
        ].reduce(into: [String: Profile]()) { $0[$1.id] = $1 }
        let notifications = ProfileNotification.notifications(
            for: [Self.use("1", "a", "3"), Self.use("2", "a", "1"), Self.use("3", "b", "1"), Self.use("4", "c", "2")], profiles: profiles)
        #expect(notifications.map(\.type) == [.answersUpdated, .deleted, .deleted])
        #expect(notifications.map(\.workloadName) == ["Workload 2", "Workload 3", "Workload 4"])
        #expect(notifications[0].currentVersion == "1" && notifications[0].latestVersion == "3")
        #expect(notifications[1].profileName == "Profile b" && notifications[1].latestVersion == "1")
        #expect(
            notifications[2].profileName == nil && notifications[2].latestVersion == nil,
            "a profile whose files are gone has no name to give")
    }
}
