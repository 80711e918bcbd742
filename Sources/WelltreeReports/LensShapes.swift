import WelltreeCore

/// GetLens's `Lens`: the lens at one version, plus Welltree's additions (`LensAlias`, `LensType`,
/// `LensStatus`, `Versions`, `IsDraft`, `QuestionCount`, `OwnerPrincipal`).
///
/// `LensVersion`, `Description` and `QuestionCount` all describe the version shown, which is the
/// one asked for: a client reading `LensVersion` must get the version whose content it is given.
package struct LensShape: Encodable {
    package var LensArn: String
    /// The version shown; absent for a lens that is only a draft.
    package var LensVersion: String?
    package var Name: String
    package var Description: String?
    /// "AWS" for built-in lenses, else the principal who imported the lens (an account id in
    /// the service; see APIShapes.swift).
    package var Owner: String
    package var LensAlias: String
    package var LensType: String
    package var LensStatus: String
    package var Versions: [String]
    package var IsDraft: Bool
    package var QuestionCount: Int?
    package var OwnerPrincipal: String

    /// `version` and `lens` are the version shown and its content (nil for a draft-only lens).
    package init(record: LensRecord, version: String?, lens: Lens?) {
        LensArn = lensArn(record.alias, type: record.type)
        LensVersion = version
        Name = record.name
        Description = lens.map { String($0.description.prefix(1024)) }
        Owner = record.owner
        LensAlias = record.alias
        LensType = record.type.rawValue
        LensStatus = record.deletedAt != nil ? "DELETED" : "CURRENT"
        Versions = record.versions.map(\.version)
        IsDraft = record.versions.isEmpty
        QuestionCount = lens?.questionCount
        OwnerPrincipal = record.owner
    }
}

/// GetLens.
package struct GetLensOutput: Encodable {
    package var Lens: LensShape
    package init(_ lens: LensShape) { Lens = lens }
}

/// ListTagsForResource: a workload's tags (an empty map when it has none).
package struct ListTagsForResourceOutput: Encodable {
    package var Tags: [String: String]
    package init(_ workload: Workload) { Tags = workload.tags }
}

/// ExportLens: the lens file as one JSON string, as `lens export --format json` prints it.
package struct ExportLensOutput: Encodable {
    package var LensJSON: String

    package init(lensJSON: String) { LensJSON = lensJSON }
}
