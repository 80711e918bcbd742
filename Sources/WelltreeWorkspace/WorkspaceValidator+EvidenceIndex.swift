import Git
import WelltreeCore

extension WorkspaceValidator {
    /// How a broken evidence index is mended, for messages.
    static let indexRepairHint =
        "answers written with `welltree` keep it; `welltree init` rebuilds the index of the committed answers in one commit"

    /// The paths of a comparison's changes that `validate(only:)` is given: every file the
    /// change adds or modifies, and every marker of the evidence index it removes (a marker
    /// removed while its answer still cites the path would hide the answer from the gate).
    package static func pathsToCheck(_ deltas: [TreeDelta]) -> Set<String> {
        Set(deltas.filter { $0.new != nil || Layout.isInEvidenceIndex($0.path) }.map(\.path))
    }

    /// Checks the evidence index of a state that keeps it (settings format 3): all of it, or
    /// what `paths` touch. For each answer file among `paths`, every path it cites has its
    /// marker; for each marker among them, it is one (by its path), holds the path it is named
    /// by, and its answer cites that path; for each marker removed, its answer no longer cites
    /// the path. A state that does not keep the index has nothing to check.
    mutating func validateEvidenceIndex(in paths: Set<String>?) throws(WorkspaceError) {
        guard try workspace.keepsEvidenceIndex() else { return }
        guard let paths else {
            // The answers were all decoded above: their citations are checked against the index.
            let (write, remove) = try workspace.evidenceIndexRepairs(citing: citations)
            for (marker, contents) in write.sorted(by: { $0.key < $1.key }) {
                let cited = String(decoding: contents.dropLast(), as: UTF8.self)
                let answer = Layout.evidenceMarker(ofPath: marker)?.answerFile ?? marker
                problems.append(
                    FileProblem(
                        path: answer,
                        message: "evidence: \"\(Violation.visible(cited))\" is cited, but \(Violation.visible(marker)) does not record it; "
                            + Self.indexRepairHint))
            }
            for marker in remove {
                problems.append(FileProblem(path: marker, message: "names no answer that cites its path; \(Self.indexRepairHint)"))
            }
            return
        }
        for path in paths.sorted() {
            if Layout.answerFileParts(path) != nil {
                try checkMarkers(ofAnswer: path)
            } else if Layout.isInEvidenceIndex(path) {
                try checkMarker(path)
            }
        }
    }

    /// Every path the answer file at `path` cites has its marker (nothing to check when the
    /// file is gone or is no answer file, which the rest of validation reports).
    private mutating func checkMarkers(ofAnswer path: String) throws(WorkspaceError) {
        guard let bytes = try workspace.file(path), let cited = workspace.citedPaths(bytes, path: path) else { return }
        for citedPath in cited.sorted() {
            guard let marker = Layout.evidenceMarker(hash: try workspace.evidenceHash(citedPath), answerFile: path) else { continue }
            if try workspace.file(marker) == EvidenceMarker.contents(citedPath) { continue }
            problems.append(
                FileProblem(
                    path: path,
                    message: "evidence: \"\(Violation.visible(citedPath))\" is cited, but \(Violation.visible(marker)) does not record it (the gate "
                        + "finds the answers a change concerns through the index); \(Self.indexRepairHint)"))
        }
    }

    /// A marker the change adds, modifies or removes is consistent with its answer.
    private mutating func checkMarker(_ path: String) throws(WorkspaceError) {
        guard let marker = Layout.evidenceMarker(ofPath: path) else {
            problems.append(
                FileProblem(
                    path: path,
                    message: "unexpected file; \(Layout.evidenceIndex)/ holds markers "
                        + "\(Layout.evidenceIndex)/<2 hex digits>/<rest of the hash>/<workload dir>/<lens>/<question>"))
            return
        }
        let cited = try workspace.citedPaths(at: marker.answerFile)
        guard let entry = try workspace.entry(path) else {
            // Removed: its answer must no longer cite the path.
            for citedPath in cited where try workspace.evidenceHash(citedPath) == marker.hash {
                problems.append(
                    FileProblem(
                        path: path,
                        message: "removed, but \(Violation.visible(marker.answerFile)) still cites \"\(Violation.visible(citedPath))\"; "
                            + "the marker stays while the answer cites the path"))
            }
            return
        }
        guard entry.kind == .blob else {
            problems.append(FileProblem(path: path, message: "expected a marker file, found \(Self.kindName(entry.kind))"))
            return
        }
        guard let bytes = try bytes(of: entry, path: path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("\n"), Array(text.utf8) == bytes, try workspace.evidenceHash(String(text.dropLast())) == marker.hash else {
            problems.append(FileProblem(path: path, message: "must hold the cited path its name is the hash of, and a newline"))
            return
        }
        let citedPath = String(text.dropLast())
        if !cited.contains(citedPath) {
            problems.append(
                FileProblem(
                    path: path,
                    message: "\(Violation.visible(marker.answerFile)) does not cite \"\(Violation.visible(citedPath))\"; a marker records an answer "
                        + "that cites its path"))
        }
    }
}
