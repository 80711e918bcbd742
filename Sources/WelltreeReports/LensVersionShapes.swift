import WelltreeCore

/// The API's `QuestionDifference`.
package struct QuestionDifferenceShape: Encodable {
    package var QuestionId: String
    package var QuestionTitle: String
    package var DifferenceStatus: String
}

/// The API's `PillarDifference`.
package struct PillarDifferenceShape: Encodable {
    package var PillarId: String
    package var PillarName: String
    package var DifferenceStatus: String
    package var QuestionDifferences: [QuestionDifferenceShape]
}

/// The API's `VersionDifferences`.
package struct VersionDifferencesShape: Encodable {
    package var PillarDifferences: [PillarDifferenceShape]
}

/// GetLensVersionDifference.
package struct GetLensVersionDifferenceOutput: Encodable {
    package var LensAlias: String
    package var LensArn: String
    /// Nil when the draft is compared with nothing (no version published yet).
    package var BaseLensVersion: String?
    package var TargetLensVersion: String
    package var LatestLensVersion: String?
    package var VersionDifferences: VersionDifferencesShape

    package init(record: LensRecord, base: String?, target: String, difference: LensDifference) {
        LensAlias = record.alias
        LensArn = lensArn(record.alias, type: record.type)
        BaseLensVersion = base
        TargetLensVersion = target
        LatestLensVersion = record.currentVersion?.version
        VersionDifferences = VersionDifferencesShape(PillarDifferences: difference.pillars.map { pillar in
            PillarDifferenceShape(
                PillarId: pillar.id, PillarName: pillar.name, DifferenceStatus: pillar.status.rawValue,
                QuestionDifferences: pillar.questions.map {
                    QuestionDifferenceShape(QuestionId: $0.id, QuestionTitle: $0.title, DifferenceStatus: $0.status.rawValue)
                })
        })
    }
}

/// The API's `LensUpgradeSummary`.
package struct LensUpgradeSummaryShape: Encodable {
    package var WorkloadId: String
    package var WorkloadName: String
    package var LensAlias: String
    package var LensArn: String
    /// The version the workload uses.
    package var CurrentLensVersion: String
    /// The version an upgrade moves to; absent for a deleted lens ("None" in the console).
    package var LatestLensVersion: String?
}

/// The API's `NotificationSummary`, plus Welltree's `Status`: the API's two notification types
/// cannot say "deleted", so `Status` names the console's three (NOT_CURRENT, DEPRECATED, DELETED).
package struct NotificationSummaryShape: Encodable {
    package var `Type`: String
    package var LensUpgradeSummary: LensUpgradeSummaryShape
    package var Status: String

    package init(workload: Workload, record: LensRecord, versionInUse: String, latest: String?, status: WorkloadLensStatus) {
        `Type` = status == .notCurrent ? "LENS_VERSION_UPGRADED" : "LENS_VERSION_DEPRECATED"
        LensUpgradeSummary = LensUpgradeSummaryShape(
            WorkloadId: workload.id, WorkloadName: workload.name, LensAlias: record.alias,
            LensArn: lensArn(record.alias, type: record.type), CurrentLensVersion: versionInUse, LatestLensVersion: latest)
        Status = status.rawValue
    }
}

/// ListNotifications.
package struct ListNotificationsOutput: Encodable {
    package var NotificationSummaries: [NotificationSummaryShape]

    package init(_ summaries: [NotificationSummaryShape]) {
        NotificationSummaries = summaries
    }
}
