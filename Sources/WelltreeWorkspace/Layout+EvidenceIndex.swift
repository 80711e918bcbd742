/// Where the evidence index lives: for each repository path an answer cites, which answer files
/// cite it.
///
/// ```
/// evidence-index/<h[0..<2]>/<h[2...]>/<dir>/<alias>/<question>    holds the cited path and a newline
/// ```
///
/// `h` is the git blob id of the cited path's bytes (its path from the repository's root), so
/// the answers citing a path are found with one lookup of a short path, as git finds a file:
/// the gate looks up every path a change touches (and each directory above it) instead of
/// reading every answer that can cite. One marker per cited path and answer file: two branches
/// citing or dropping evidence in different answers never touch the same file, so git merges
/// them. `<dir>/<alias>/<question>` names the answer file
/// `workloads/<shard>/<dir>/answers/<alias>/<question>.json`.
extension Layout {
    package static let evidenceIndex = "evidence-index"

    /// The directory of the markers of the path whose hash is `hash`.
    package static func evidenceMarkers(hash: String) -> String {
        "\(evidenceIndex)/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    /// The marker saying that the answer file of `question` (workload directory `directory`,
    /// lens `lens`) cites the path whose hash is `hash`.
    package static func evidenceMarker(hash: String, directory: String, lens: String, question: String) -> String {
        "\(evidenceMarkers(hash: hash))/\(directory)/\(lens)/\(question)"
    }

    /// The marker of the answer file `answerFile` (a path of the layout, `answerFileParts`) for
    /// the path whose hash is `hash`; nil for a path that is no answer file.
    package static func evidenceMarker(hash: String, answerFile: String) -> String? {
        answerFileParts(answerFile).map { evidenceMarker(hash: hash, directory: $0.directory, lens: $0.lens, question: $0.question) }
    }

    /// The workload directory, lens and question of an answer file's path
    /// (`workloads/<shard>/<dir>/answers/<alias>/<question>.json`), or nil for any other path.
    package static func answerFileParts(_ path: String) -> (directory: String, lens: String, question: String)? {
        let parts = components(path)
        guard parts.count == 6, parts[3] == answersDirectoryName, let directory = workloadDirectory(inPathComponents: parts),
            !parts[4].isEmpty, let question = question(ofAnswerFileName: parts[5]), !question.isEmpty
        else { return nil }
        return (directory, parts[4], question)
    }

    /// What a marker's path says: the hash of the cited path and the answer file citing it; nil
    /// for a path below `evidence-index/` that is no marker's.
    package static func evidenceMarker(ofPath path: String) -> EvidenceMarker? {
        let parts = components(path)
        guard parts.count == 6, parts[0] == evidenceIndex, parts[1].count == 2, parts[2].count >= 38,
            (parts[1] + parts[2]).allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
            parts[3...].allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return nil }
        return EvidenceMarker(hash: parts[1] + parts[2], directory: parts[3], lens: parts[4], question: parts[5])
    }

    /// Whether `path` lies below `evidence-index/`.
    package static func isInEvidenceIndex(_ path: String) -> Bool {
        path.hasPrefix(evidenceIndex + "/")
    }
}

/// One marker of the evidence index (`Layout.evidenceIndex`), as its path names it.
package struct EvidenceMarker: Sendable, Equatable {
    /// The git blob id (hex) of the cited path's bytes.
    package var hash: String
    /// The workload directory (`<dir>`) of the citing answer.
    package var directory: String
    package var lens: String
    package var question: String

    /// The citing answer file's path in the layout.
    package var answerFile: String { Layout.answerFile(directory, lens: lens, question: question) }

    /// The marker's bytes for the cited path `path`: the path and a newline.
    package static func contents(_ path: String) -> [UInt8] { Array((path + "\n").utf8) }
}
