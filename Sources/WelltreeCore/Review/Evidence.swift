/// One piece of evidence an answer cites: a path of the repository the review lives in (a file
/// or a directory, optionally a line range of a file) or an http(s) URL, for the whole question
/// or for one of its best practices.
///
/// A cited path records the object id (blob or tree) it had when the answer was last confirmed
/// (`confirmedId`): comparing it with the id the path has now tells whether the evidence is
/// still what the reviewer looked at. A line range narrows what the reader is pointed to; the
/// comparison is of the whole file. URLs are never fetched: they are shown, not checked.
///
/// Stored in the answer file's `evidence` list (`{"choiceId": ..., "path": ..., "lines": "12-40",
/// "confirmedId": ...}` or `{"url": ...}`); a file without the list reads as an answer citing
/// nothing, as before the list existed.
package struct Evidence: Sendable, Equatable, Hashable, Codable {
    /// The best practice the evidence is for; nil for the question as a whole.
    package var choiceId: String?
    /// A repository path, relative to the repository's root (`infra/backup.tf`).
    package var path: String?
    /// A line range of the file at `path`: `12` or `12-40`.
    package var lines: String?
    /// An http or https URL.
    package var url: String?
    /// The object id `path` had when the answer was last confirmed (lowercase hex).
    package var confirmedId: String?

    package init(choiceId: String? = nil, path: String? = nil, lines: String? = nil, url: String? = nil, confirmedId: String? = nil) {
        self.choiceId = choiceId
        self.path = path
        self.lines = lines
        self.url = url
        self.confirmedId = confirmedId
    }

    /// What the citation points at, without the recorded state: two citations with the same
    /// target are the same citation.
    package var target: String {
        (choiceId.map { $0 + "=" } ?? "") + (url ?? ((path ?? "") + (lines.map { ":" + $0 } ?? "")))
    }

    /// The path or URL with its line range, as people read it (`infra/backup.tf:12-40`).
    package var location: String { url ?? ((path ?? "") + (lines.map { ":" + $0 } ?? "")) }

    /// The state of a cited path whose object id in the state looked at is `current` (nil when
    /// the path is not there). URLs are `unchecked`.
    package func state(current: String?) -> EvidenceState {
        guard path != nil else { return .unchecked }
        guard let current else { return .missing }
        return current == confirmedId ? .current : .changed
    }

    /// Citations in the order files store them: by best practice (the question's first), then
    /// path or URL, so the same citations always give the same bytes.
    package static func sorted(_ list: [Evidence]) -> [Evidence] {
        list.sorted { ($0.choiceId ?? "", $0.location) < ($1.choiceId ?? "", $1.location) }
    }
}

/// How a citation stands against the state it is looked at in.
package enum EvidenceState: String, Sendable, Codable, CaseIterable {
    /// The path has the object id recorded when the answer was confirmed.
    case current = "CURRENT"
    /// The path exists with another object id: changed since it was confirmed.
    case changed = "CHANGED"
    /// Nothing is at the path any more.
    case missing = "MISSING"
    /// A URL: Welltree does not fetch it.
    case unchecked = "UNCHECKED"

    /// Whether the citation asks for a reviewer's look (`changed` or `missing`).
    package var isStale: Bool { self == .changed || self == .missing }
}

extension Evidence {
    /// How many citations one answer may hold.
    package static let maximumCount = 20
    /// The longest path, in characters.
    package static let maximumPathLength = 400
    /// The longest URL, in characters.
    package static let maximumURLLength = 2048
    /// The highest line number a range may name.
    package static let maximumLine = 10_000_000

    /// Reads the command-line syntax `[CHOICE=]PATH[:L1[-L2]]` or `[CHOICE=]URL`, without
    /// checking the parts (see `rules`).
    ///
    /// A leading `CHOICE=` names a best practice when CHOICE is an id (letters, digits,
    /// underscores); write `./a=b.txt` for a path whose first part has an `=`. A leading `./` is
    /// dropped, and a directory's trailing `/`. A trailing `:N` or `:N-M` of digits is a line range.
    package static func parse(_ text: String) -> Evidence {
        var rest = Substring(text)
        var evidence = Evidence()
        if let equals = rest.firstIndex(of: "="), equals != rest.startIndex,
            rest[..<equals].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        {
            evidence.choiceId = String(rest[..<equals])
            rest = rest[rest.index(after: equals)...]
        }
        if isURLLike(rest) {
            evidence.url = String(rest)
            return evidence
        }
        if rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        if let colon = rest.lastIndex(of: ":") {
            let range = rest[rest.index(after: colon)...]
            if !range.isEmpty, range.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), range.first != "-" {
                evidence.lines = String(range)
                rest = rest[..<colon]
            }
        }
        if rest.count > 1, rest.hasSuffix("/") { rest = rest.dropLast() }
        evidence.path = String(rest)
        return evidence
    }

    /// `scheme:...` (`https://`, `mailto:`, `javascript:`) rather than `path:12-40`: letters,
    /// digits, `+ . -` before the first colon, and after it something other than a line range.
    private static func isURLLike(_ text: Substring) -> Bool {
        if text.contains("://") { return true }
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return false }
        let scheme = text[..<colon]
        let rest = text[text.index(after: colon)...]
        let isScheme = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        let isRange = !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
        return isScheme && !isRange
    }

    /// Every rule the citation's own parts break, each as `(field suffix, value, rule)`:
    /// exactly one of a path and a URL; a path relative to the repository's root, with no
    /// empty, `.`, `..` or `.git` component and no unsafe character; a line range `N` or `N-M`
    /// with 1 <= N <= M; an ASCII http(s) URL with a host, no whitespace, quotes, angle brackets
    /// or unsafe characters; a confirmed id of 40 or 64 lowercase hex digits on a path (the file
    /// form, `requireId`) and none on a URL.
    package func rules(requireId: Bool) -> [(field: String, value: String, rule: String)] {
        var found: [(String, String, String)] = []
        switch (path, url) {
        case (nil, nil):
            found.append(("", "", "needs a path or a url"))
        case (.some, .some):
            found.append(("", location, "has both a path and a url; cite them separately"))
        case (let path?, nil):
            if let rule = Self.pathRule(path) { found.append(("path", path, rule)) }
            if let lines, let rule = Self.linesRule(lines) { found.append(("lines", lines, rule)) }
            if requireId {
                if let confirmedId {
                    if !Self.isObjectId(confirmedId) {
                        found.append(("confirmedId", confirmedId, "must be an object id (40 or 64 lowercase hexadecimal digits)"))
                    }
                } else {
                    found.append(("confirmedId", "", "is required for a cited path (the id it had when the answer was confirmed)"))
                }
            }
        case (nil, let url?):
            if let rule = Self.urlRule(url) { found.append(("url", url, rule)) }
            if let lines { found.append(("lines", lines, "belongs to a path, not a url")) }
            if let confirmedId { found.append(("confirmedId", confirmedId, "belongs to a path; a url is not checked")) }
        }
        if let choiceId, choiceId.isEmpty { found.append(("choiceId", "", "must not be empty")) }
        return found
    }

    /// Why `path` is no repository path a citation may name, or nil.
    package static func pathRule(_ path: String) -> String? {
        if path.isEmpty { return "must not be empty" }
        if path.unicodeScalars.count > maximumPathLength { return "must be at most \(maximumPathLength) characters" }
        if let scalar = path.unicodeScalars.first(where: UnsafeCharacter.isUnsafe) {
            return "must not contain control or bidirectional formatting characters (found \(UnsafeCharacter.visible(scalar)))"
        }
        if path.hasPrefix("/") { return "must be relative to the repository's root, not absolute" }
        if path.contains("\\") { return "must separate directories with /, not \\" }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty { return "must not have an empty component (// or a trailing /)" }
            if part == "." || part == ".." { return "must not have a . or .. component; name the path from the repository's root" }
            if part.lowercased() == ".git" { return "must not name git's own directory" }
        }
        return nil
    }

    /// Why `path` may not be cited by an answer of the workspace at `workspacePrefix` (empty
    /// for the repository's root, else ending in `/`), or nil: the review's own answers and its
    /// evidence index are no evidence. A path at or below the workspace's `workloads/` (another
    /// answer file, a workload file) or `evidence-index/` is judged by the rest of the gate as a
    /// review change, never as evidence, so a change to it would never re-ask the question; a
    /// directory holding either changes its id with every answer written, so it would be stale
    /// after every review. The comparison ignores case, so no spelling of a directory gets
    /// through.
    package static func reviewFilesRule(_ path: String, workspacePrefix: String) -> String? {
        let cited = path.lowercased()
        for name in reviewDirectories {
            let directory = (workspacePrefix + name).lowercased()
            if cited == directory || cited.hasPrefix(directory + "/") {
                return "must not be in the workspace's own \(workspacePrefix)\(name)/ (an answer cites evidence, not the review's "
                    + "files, which the gate judges as review changes and would never re-ask for)"
            }
            if directory.hasPrefix(cited + "/") {
                return "must not be a directory holding the workspace's \(workspacePrefix)\(name)/ (every answer written changes "
                    + "its id, so it would be stale after each review): cite the directories beside it"
            }
        }
        return nil
    }

    /// The workspace's directories that hold the review itself: its answers and its evidence
    /// index (`Layout.workloads`, `Layout.evidenceIndex`).
    static let reviewDirectories = ["workloads", "evidence-index"]

    /// Why `lines` is no line range, or nil.
    package static func linesRule(_ lines: String) -> String? {
        let parts = lines.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { part in part.allSatisfy { $0.isASCII && $0.isNumber } && part.count <= 8 ? Int(part) : nil }
        guard (1...2).contains(parts.count), let first = numbers.first ?? nil, let last = numbers.last ?? nil else {
            return "must be a line N or a range N-M"
        }
        if first < 1 || last > maximumLine { return "must name lines 1 to \(maximumLine)" }
        if last < first { return "must not end before it starts" }
        return nil
    }

    /// Why `url` is no URL a citation may name, or nil.
    package static func urlRule(_ url: String) -> String? {
        if url.unicodeScalars.count > maximumURLLength { return "must be at most \(maximumURLLength) characters" }
        let rest: Substring
        if url.hasPrefix("https://") {
            rest = url.dropFirst(8)
        } else if url.hasPrefix("http://") {
            rest = url.dropFirst(7)
        } else {
            return "must be an http:// or https:// URL"
        }
        if let scalar = url.unicodeScalars.first(where: { UnsafeCharacter.isUnsafe($0) || $0.properties.isWhitespace }) {
            return "must not contain whitespace or control characters (found \(UnsafeCharacter.visible(scalar)))"
        }
        if let scalar = url.unicodeScalars.first(where: { !$0.isASCII }) {
            return "must be ASCII (percent-encode \(UnsafeCharacter.visible(scalar)); a look-alike letter can hide another host)"
        }
        if url.contains(where: { "\"<>`\\{}|^".contains($0) }) {
            return "must not contain \" < > ` \\ { } | or ^ (percent-encode them)"
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty || host.hasPrefix("@") || host.hasPrefix(":") { return "must name a host" }
        return nil
    }

    /// Whether `text` is an object id as git writes it: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
    package static func isObjectId(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
