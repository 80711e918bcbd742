/// Why a workload is told about its profile (the API's `ProfileNotificationType`).
package enum ProfileNotificationType: String, Sendable, Codable, CaseIterable {
    /// The profile published a version after the one the workload uses.
    case answersUpdated = "PROFILE_ANSWERS_UPDATED"
    /// The profile was deleted (or its files are gone).
    case deleted = "PROFILE_DELETED"
}

/// One notification of ListProfileNotifications: computed from the workloads' references and
/// the profiles, never stored, so nothing has to be swept when a workload upgrades.
package struct ProfileNotification: Sendable, Equatable {
    package var type: ProfileNotificationType
    package var workloadId: String
    package var workloadName: String
    package var profileId: String
    /// Nil when the profile's files are gone and its name is unknown.
    package var profileName: String?
    /// The version the workload uses.
    package var currentVersion: String
    /// The profile's latest version; nil when the profile's files are gone.
    package var latestVersion: String?

    package init(
        type: ProfileNotificationType, workloadId: String, workloadName: String, profileId: String, profileName: String?,
        currentVersion: String, latestVersion: String?
    ) {
        self.type = type
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.profileId = profileId
        self.profileName = profileName
        self.currentVersion = currentVersion
        self.latestVersion = latestVersion
    }

    /// A workload and the profile it uses, as the notifications need them.
    package struct WorkloadUse: Sendable, Equatable {
        package var workloadId: String
        package var workloadName: String
        package var profile: ProfileReference

        package init(workloadId: String, workloadName: String, profile: ProfileReference) {
            self.workloadId = workloadId
            self.workloadName = workloadName
            self.profile = profile
        }
    }

    /// The notifications for `workloads`, in their order: PROFILE_DELETED when the profile is
    /// deleted or missing from `profiles` (by id), else PROFILE_ANSWERS_UPDATED when the
    /// workload's version is not the latest. Workloads on the latest version of a live profile
    /// get none.
    package static func notifications(for workloads: [WorkloadUse], profiles: [String: Profile]) -> [ProfileNotification] {
        workloads.compactMap { use in
            guard let profile = profiles[use.profile.id] else {
                return ProfileNotification(
                    type: .deleted, workloadId: use.workloadId, workloadName: use.workloadName, profileId: use.profile.id,
                    profileName: nil, currentVersion: use.profile.version, latestVersion: nil)
            }
            let type: ProfileNotificationType
            if profile.deletedAt != nil {
                type = .deleted
            } else if profile.latestVersion != use.profile.version {
                type = .answersUpdated
            } else {
                return nil
            }
            return ProfileNotification(
                type: type, workloadId: use.workloadId, workloadName: use.workloadName, profileId: profile.id,
                profileName: profile.name, currentVersion: use.profile.version, latestVersion: profile.latestVersion)
        }
    }
}
