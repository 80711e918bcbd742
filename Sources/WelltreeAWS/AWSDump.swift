/// The files of a dump written by `scripts/aws-export` (docs/aws-migration.md), by path relative
/// to the dump's directory (`lenses/wellarchitected/list-answers.json`).
///
/// The library reads no files: a command reads the directory into this value (with the
/// workspace's limits on sizes and kinds of file) and hands it over.
package struct AWSDump: Sendable, Equatable {
    package var files: [String: [UInt8]]

    package init(files: [String: [UInt8]]) {
        self.files = files
    }
}

/// Where each document of a dump lives (docs/aws-migration.md, "The dump"), shared by
/// `scripts/aws-export`, which writes the layout, and `AWSDumpReader`, which reads it.
package enum AWSDumpLayout {
    package static let getWorkload = "get-workload.json"
    package static let listLensReviews = "list-lens-reviews.json"
    package static let listMilestones = "list-milestones.json"
    package static let listWorkloadShares = "list-workload-shares.json"

    /// A lens alias, question id or version as one file name: every character outside
    /// `A-Z a-z 0-9 . _ -` becomes `_`, and `.` and `..` become `_.` and `_..`.
    package static func fileName(_ text: String) -> String {
        var name = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-" ? scalar : "_"
        }))
        if name == "." || name == ".." || name.isEmpty { name = "_" + name }
        return name
    }

    /// The directory of a state: the dump's root for the present, `milestones/<N>/` for a milestone.
    package static func stateDirectory(milestone: Int?) -> String {
        milestone.map { "milestones/\($0)/" } ?? ""
    }

    package static func listLensReviews(milestone: Int?) -> String {
        stateDirectory(milestone: milestone) + listLensReviews
    }

    package static func getMilestone(_ number: Int) -> String {
        stateDirectory(milestone: number) + "get-milestone.json"
    }

    package static func lensDirectory(_ alias: String, milestone: Int?) -> String {
        stateDirectory(milestone: milestone) + "lenses/\(fileName(alias))/"
    }

    package static func getLensReview(_ alias: String, milestone: Int?) -> String {
        lensDirectory(alias, milestone: milestone) + "get-lens-review.json"
    }

    package static func listAnswers(_ alias: String, milestone: Int?) -> String {
        lensDirectory(alias, milestone: milestone) + "list-answers.json"
    }

    package static func getAnswer(_ alias: String, question: String, milestone: Int?) -> String {
        lensDirectory(alias, milestone: milestone) + "answers/\(fileName(question)).json"
    }

    package static func exportLens(_ alias: String, version: String) -> String {
        "lens-exports/\(fileName(alias))/\(fileName(version)).json"
    }

    /// Whether a lens alias is a custom lens's: the service names custom lenses by their ARN.
    package static func isCustomLens(_ alias: String) -> Bool {
        alias.hasPrefix("arn:")
    }
}
