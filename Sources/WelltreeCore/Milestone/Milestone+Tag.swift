/// How a milestone is written into, and read back from, an annotated git tag.
///
/// Tag name: `welltree/<workload-dir>-<id8>/<NNN>-<slug>`, for example
/// `welltree/retail-website-north-america-5f0c21aa/003-pre-launch-review`. The workload's
/// directory keeps it readable in `git tag -l`; the first 8 hex digits of the workload id keep
/// a workload created later in a reused directory from colliding with a deleted one's tags; the
/// zero-padded number sorts the series; the slug of the name (lowercase ASCII letters, digits
/// and `-`) is valid in a ref name whatever was typed. The message's trailer block is the record;
/// the name is read back (`workloadOfTag`) only to find the workload a pushed tag claims, which
/// the server hook then checks against the workload itself.
///
/// Tag message: a subject, a summary line, and `Welltree-*` trailers, one per line:
///
/// ```
/// Milestone 3 of Retail Website - North America: Pre-launch review
///
/// 12 of 57 questions answered, 1 high risk, 3 medium risks.
///
/// Welltree-Milestone: 3
/// Welltree-Milestone-Name: Pre-launch review
/// Welltree-Workload-Id: 5f0c21aa0b6a4d7c9e1f2a3b4c5d6e7f
/// Welltree-Workload-Name: Retail Website - North America
/// Welltree-Recorded-At: 2026-11-27T11:05:36Z
/// Welltree-Risk-Counts: HIGH=1 MEDIUM=3 NONE=8 NOT_APPLICABLE=0 UNANSWERED=45
/// Welltree-Lens: wellarchitected 1.0
/// ```
extension Milestone {
    /// The prefix of every milestone tag below `refs/tags/`.
    package static let tagPrefix = "welltree/"
    /// Where tags live among git's references.
    package static let tagsReferencePrefix = "refs/tags/"
    /// The reference prefix of every milestone tag: `refs/tags/welltree/`.
    package static let referencePrefix = tagsReferencePrefix + tagPrefix

    /// The tag name for this milestone of the workload stored in `workloadDirectory`.
    package func tagName(workloadDirectory: String) -> String {
        let number = String(self.number)
        let padded = String(repeating: "0", count: max(0, 3 - number.count)) + number
        return "\(Self.tagDirectory(workloadDirectory: workloadDirectory, workloadId: workloadId))\(padded)-\(Self.slug(name))"
    }

    /// The tag namespace of the workload with `workloadId` stored in `workloadDirectory`:
    /// `welltree/<dir>-<id8>/`, every one of its milestone tags below it.
    package static func tagDirectory(workloadDirectory: String, workloadId: String) -> String {
        "\(tagPrefix)\(workloadDirectory)-\(workloadId.prefix(8))/"
    }

    /// The workload directory and the first 8 digits of the workload id a tag name claims
    /// (`tagDirectory` read back), or nil for a name not of that form.
    package static func workloadOfTag(_ tagName: String) -> (workloadDirectory: String, idPrefix: String)? {
        let parts = tagName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] + "/" == tagPrefix else { return nil }
        let component = parts[1]
        guard component.count > 9, component.dropLast(8).hasSuffix("-") else { return nil }
        return (String(component.dropLast(9)), String(component.suffix(8)))
    }

    /// The reference of the tag `tagName`: `refs/tags/<tagName>`.
    package static func reference(ofTag tagName: String) -> String { tagsReferencePrefix + tagName }

    /// The tag name of a reference below `refs/tags/` (the reference itself otherwise).
    package static func tagName(ofReference reference: String) -> String {
        reference.hasPrefix(tagsReferencePrefix) ? String(reference.dropFirst(tagsReferencePrefix.count)) : reference
    }

    /// The glob matching the tags of the workload with `id` (a superset: ids may share 8 digits,
    /// so callers confirm each tag's trailer).
    package static func tagGlob(workloadId: String) -> String {
        "\(referencePrefix)*-\(workloadId.prefix(8))/*"
    }

    /// Lowercase ASCII letters and digits of `name`, runs of anything else as one `-`, at most
    /// 48 characters; `milestone` when nothing usable remains (a name in Japanese).
    static func slug(_ name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        slug = String(slug.prefix(48))
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "milestone" : slug
    }

    /// The tag message recording this milestone.
    package var tagMessage: String {
        let c = riskCounts
        let answered = "\(c.answered) of \(c.total) questions answered"
        let high = "\(c[.high]) high risk\(c[.high] == 1 ? "" : "s")"
        let medium = "\(c[.medium]) medium risk\(c[.medium] == 1 ? "" : "s")"
        var lines = [
            "Milestone \(number) of \(Self.oneLine(workloadName)): \(Self.oneLine(name))",
            "",
            "\(answered), \(high), \(medium).",
            "",
            "\(Trailer.number): \(number)",
            "\(Trailer.name): \(Self.oneLine(name))",
            "\(Trailer.workloadId): \(workloadId)",
            "\(Trailer.workloadName): \(Self.oneLine(workloadName))",
            "\(Trailer.recordedAt): \(recordedAt)",
            "\(Trailer.riskCounts): " + Risk.allCases.map { "\($0.rawValue)=\(c[$0])" }.joined(separator: " "),
        ]
        lines += lenses.map { "\(Trailer.lens): \($0.alias) \($0.version)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a milestone back from a tag message; nil when the message is not a Welltree
    /// milestone's (any other tag below `welltree/` is ignored, not an error).
    package init?(tagMessage message: String) {
        var fields: [String: String] = [:]
        var lenses: [WorkloadLens] = []
        for line in message.split(separator: "\n") where line.hasPrefix("Welltree-") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = String(line[line.index(after: colon)...].drop { $0 == " " })
            if key == Trailer.lens {
                let parts = value.split(separator: " ", maxSplits: 1)
                if parts.count == 2 { lenses.append(WorkloadLens(alias: String(parts[0]), version: String(parts[1]))) }
            } else {
                fields[key] = value
            }
        }
        guard let number = fields[Trailer.number].flatMap({ Int($0) }), let name = fields[Trailer.name],
              let workloadId = fields[Trailer.workloadId], let recordedAt = fields[Trailer.recordedAt]
        else { return nil }
        var counts = RiskCounts()
        for pair in (fields[Trailer.riskCounts] ?? "").split(separator: " ") {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let risk = Risk(rawValue: String(parts[0])), let count = Int(parts[1]) { counts[risk] = count }
        }
        self.init(workloadId: workloadId, workloadName: fields[Trailer.workloadName] ?? "", name: name, number: number,
                  recordedAt: recordedAt, riskCounts: counts, lenses: lenses)
    }

    /// Trailer keys, in the order they are written.
    enum Trailer {
        static let number = "Welltree-Milestone"
        static let name = "Welltree-Milestone-Name"
        static let workloadId = "Welltree-Workload-Id"
        static let workloadName = "Welltree-Workload-Name"
        static let recordedAt = "Welltree-Recorded-At"
        static let riskCounts = "Welltree-Risk-Counts"
        static let lens = "Welltree-Lens"
    }

    /// Line breaks and tabs as spaces, so a value stays on its trailer line, and every other
    /// unsafe character as `\u{XXXX}`, so the message cannot act on the terminal of whoever runs
    /// `git tag -n` or `git show`.
    private static func oneLine(_ text: String) -> String {
        let spaced = String(String.UnicodeScalarView(text.unicodeScalars.map { ["\n", "\r", "\t"].contains($0) ? " " : $0 }))
        return UnsafeCharacter.escape(spaced)
    }
}
