import Git
import WelltreeCore

extension WorkspaceComparison {
    /// The evidence findings of a change: every citation of the head's answers that the change
    /// concerns and that is not current in the head (changed since confirmed, or missing).
    ///
    /// A citation is concerned when the change touches its path (the path, or a file below a
    /// cited directory, differs between the two whole trees) or when the change wrote its
    /// answer file (a citation written by hand with a stale or made-up id is judged too). An
    /// answer confirmed in the same change is current and reported by nobody.
    ///
    /// Cost, in proportion to the change: one comparison of the two whole trees (a pruned walk:
    /// an unchanged directory costs one id comparison). When it changes nothing but the
    /// workspace's `workloads/`, only the changed answer files' citations are read. When both
    /// states keep the evidence index (`Layout.evidenceIndex`), each touched path and every
    /// directory above it is looked up in both indexes, and only the workloads found there and
    /// those the change wrote answers of are read: the base's index names every answer that
    /// cited a path before the change (an answer the change does not write cites the same in
    /// both), the head's those that cite it after. Otherwise every answer file that can cite is
    /// read (`Workspace.allCitations`).
    package func evidenceFindings(failing: Set<EvidenceFinding.Kind>) throws(WorkspaceError) -> [EvidenceFinding] {
        guard let headRoot = head.rootTree, base.rootTree != headRoot else { return [] }
        let repository = head.repository
        let changes = try git { () throws(GitError) in try repository.compareTrees(from: base.rootTree, to: headRoot) }
        let review = head.prefix + Layout.workloads + "/"
        var touched = Set<String>()
        var writtenAnswers = Set<String>()
        var writtenWorkloads = Set<String>()
        let index = head.prefix + Layout.evidenceIndex + "/"
        for delta in changes.files {
            // The index is the review's own file, which no answer cites (`Evidence.reviewFilesRule`).
            if delta.path.hasPrefix(index) { continue }
            if delta.path.hasPrefix(review) {
                let path = String(delta.path.dropFirst(head.prefix.count))
                let parts = Layout.components(path)
                if delta.new != nil, parts.count == 6, parts[3] == Layout.answersDirectoryName,
                    Layout.question(ofAnswerFileName: parts[5]) != nil, let directory = Layout.workloadDirectory(inPathComponents: parts)
                {
                    writtenAnswers.insert(path)
                    writtenWorkloads.insert(directory)
                }
                continue
            }
            // The path and every directory above it: a cited directory changes with its files.
            var path = Substring(delta.path)
            while true {
                touched.insert(String(path))
                guard let slash = path.lastIndex(of: "/") else { break }
                path = path[..<slash]
            }
        }
        if touched.isEmpty && writtenAnswers.isEmpty { return [] }
        let indexed = try base.keepsEvidenceIndex() ? try head.keepsEvidenceIndex() : false
        let cited: [CitedEvidence]
        if touched.isEmpty {
            cited = try head.citations(inWorkloadsNamed: writtenWorkloads)
        } else if indexed {
            var workloads = writtenWorkloads
            for path in touched {
                workloads.formUnion(try base.workloadsCiting(path))
                workloads.formUnion(try head.workloadsCiting(path))
            }
            cited = try head.citations(inWorkloadsNamed: workloads)
        } else {
            cited = try head.allCitations()
        }
        var findings: [EvidenceFinding] = []
        for citation in cited {
            let concerned = writtenAnswers.contains(citation.answerFile) || citation.evidence.path.map(touched.contains) == true
            guard concerned, let finding = EvidenceFinding(citation, failing: failing) else { continue }
            findings.append(finding)
        }
        findings.sort { ($0.file, $0.workloadName.lowercased(), $0.lens, $0.questionId, $0.choiceId ?? "") < ($1.file, $1.workloadName.lowercased(), $1.lens, $1.questionId, $1.choiceId ?? "") }
        return findings
    }
}
