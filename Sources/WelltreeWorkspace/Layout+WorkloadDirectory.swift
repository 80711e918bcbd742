/// How a workload's directory is named and placed: a slug of the name it was created with, in
/// the shard of its first two characters. Only the workspace's layout depends on it; the domain
/// knows workloads by id and name.
extension Layout {
    /// The longest directory name `workloadDirectoryName(for:)` returns.
    package static let maximumWorkloadDirectoryNameLength = 64

    /// A readable, file-system-safe directory name for a workload called `name`.
    ///
    /// Only lowercase ASCII letters and digits are kept (Latin letters with accents lose them:
    /// "Évaluation" -> "evaluation"); every run of anything else becomes one `-`, and leading and
    /// trailing `-` are dropped. The result is at most 64 characters and never empty, `.`, `..` or
    /// a Windows device name (a review repository may be cloned anywhere): a name with nothing
    /// usable, such as one in Japanese, becomes `workload`. Different names can give the same
    /// slug; the caller adds a numeric suffix on collision. The directory name is never parsed
    /// back, so hostile names such as `../etc` are harmless.
    package static func workloadDirectoryName(for name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            let folded = foldToASCII(scalar)
            if folded.isEmpty {
                pendingDash = true
                continue
            }
            if pendingDash, !slug.isEmpty { slug.append("-") }
            pendingDash = false
            slug += folded
            if slug.utf8.count >= maximumWorkloadDirectoryNameLength { break }
        }
        slug = String(slug.prefix(maximumWorkloadDirectoryNameLength))
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { return "workload" }
        if windowsDeviceNames.contains(slug) { return slug + "-workload" }
        return slug
    }

    /// Names Windows refuses as a file or directory name whatever the extension.
    private static let windowsDeviceNames: Set<String> = Set(
        ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// Lowercase ASCII letters or digits for `scalar`, or "" for a separator.
    private static func foldToASCII(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
        case 0xC0...0x17F: return latinFolding[Int(scalar.value - 0xC0)]
        default: return ""
        }
    }

    /// ASCII for U+00C0...U+017F (Latin-1 Supplement letters and Latin Extended-A), from their
    /// canonical decompositions plus the usual spellings of letters without one (æ, ß, ø, ł, œ);
    /// "" for × and ÷.
    private static let latinFolding: [String] = """
        a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss \
        a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y \
        a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h \
        i i i i i i i i i i ij ij j j k k k l l l l l l l l l l n n n n n n n ng ng \
        o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u \
        w w y y y z z z z z z s
        """.split(separator: " ").map { $0 == "_" ? "" : String($0) }

    /// The shard of a workload directory: its first two characters.
    ///
    /// Workload directories are grouped below `workloads/` by their first two characters
    /// (`workloads/pa/payments-api/`), the way large package collections group recipes by name:
    /// a path stays readable and is found by hand, and no single directory listing grows with
    /// the whole organisation. Git compares commits by tree ids, so a change to one workload
    /// reads the root, `workloads/`, one shard and the workload, whatever the number of
    /// workloads; with one flat `workloads/` directory every comparison read a listing of all
    /// of them (half a megabyte at 10,000 workloads).
    package static func shard(ofDirectory directory: String) -> String {
        String(directory.prefix(2))
    }
}
