import WelltreeCore

/// Reads a dump written by `scripts/aws-export` (its layout: docs/aws-migration.md) and checks
/// every document against its operation's output shape and against the others: a GetAnswer of
/// another workload, lens, question or milestone than its path says, a lens review
/// ListLensReviews does not list, pages left unmerged.
///
/// All or nothing: either every document is in its shape and they agree, or `AWSError`
/// (`.invalidDump`) lists every problem with its file, JSON path, line and column.
package enum AWSDumpReader {
    package static func read(_ dump: AWSDump) throws(AWSError) -> AWSWorkloadDump {
        var reader = DumpReading(dump: dump)
        let result = reader.workloadDump()
        reader.checkUnreadFiles()
        guard reader.problems.isEmpty, let result else {
            throw AWSError(.invalidDump, reader.problems.isEmpty
                ? [AWSProblem(subject: AWSDumpLayout.getWorkload, rule: "cannot be read")] : reader.problems)
        }
        return AWSWorkloadDump(
            present: result.present, milestones: result.milestones, shares: result.shares, lensExports: result.exports,
            notices: reader.notices)
    }
}

/// One reading of a dump: the problems and notices of every document, and which files were read.
private struct DumpReading {
    let dump: AWSDump
    var problems: [AWSProblem] = []
    var notices: [AWSNotice] = []
    var read: Set<String> = []

    init(dump: AWSDump) {
        self.dump = dump
    }

    /// Parses the document at `path` and hands it to `body`; a missing file is a problem.
    mutating func document<T>(_ path: String, _ body: (inout ShapeReader, JSONNode) -> T?) -> T? {
        read.insert(path)
        guard let bytes = dump.files[path] else {
            problems.append(AWSProblem(subject: path, rule: "is missing; scripts/aws-export writes it for this dump"))
            return nil
        }
        var reader = ShapeReader(file: path, bytes: bytes)
        let result = reader.parse().flatMap { body(&reader, $0) }
        problems += reader.problems
        notices += reader.notices
        return result
    }

    mutating func workloadDump() -> (present: AWSReviewState, milestones: [AWSReviewState], shares: [AWSShareRecord], exports: [AWSLensExport])? {
        guard let workload = document(AWSDumpLayout.getWorkload, { reader, root -> AWSWorkloadRecord? in
            guard let o = reader.object(root, .root, shape: "GetWorkloadOutput", known: ["Workload"]),
                let node = reader.present(o, "Workload", required: true)
            else { return nil }
            return reader.workload(node, JSONPath([.key("Workload")]))
        }) else { return nil }
        let id = workload.id

        let present = state(workload: workload, milestone: nil)
        var milestones: [AWSReviewState] = []
        let listed = document(AWSDumpLayout.listMilestones) { $0.listMilestones($1, workloadId: id) } ?? []
        var numbers: Set<Int> = []
        for (milestone, node, path) in listed.sorted(by: { $0.record.number < $1.record.number }) {
            guard numbers.insert(milestone.number).inserted else {
                problems.append(AWSProblem(
                    subject: AWSDumpLayout.listMilestones, path: path.appending("MilestoneNumber"),
                    position: position(node, in: AWSDumpLayout.listMilestones), value: String(milestone.number),
                    rule: "is listed twice; milestone numbers are unique"))
                continue
            }
            guard let recorded = document(AWSDumpLayout.getMilestone(milestone.number), { $0.getMilestone($1, listed: milestone, workloadId: id) })
            else { continue }
            if let milestoneState = state(workload: recorded, milestone: milestone) { milestones.append(milestoneState) }
        }
        let shares = document(AWSDumpLayout.listWorkloadShares) { $0.listWorkloadShares($1, workloadId: id) } ?? []

        // Every version of a custom lens some state uses, exported.
        var exports: [AWSLensExport] = []
        var wanted: [(String, String)] = []
        for state in milestones + (present.map { [$0] } ?? []) {
            for review in state.lensReviews where review.isCustom {
                guard let version = review.version else {
                    problems.append(AWSProblem(
                        subject: AWSDumpLayout.listLensReviews(milestone: state.milestone?.number), value: review.alias,
                        rule: "has no LensVersion; the import needs it to find the lens's ExportLens file"))
                    continue
                }
                if !wanted.contains(where: { $0 == (review.alias, version) }) { wanted.append((review.alias, version)) }
            }
        }
        for (alias, version) in wanted {
            if let export = document(AWSDumpLayout.exportLens(alias, version: version), { $0.exportLens($1, alias: alias, version: version) }) {
                exports.append(export)
            }
        }
        guard let present else { return nil }
        return (present, milestones, shares, exports)
    }

    /// The lens reviews and answers of one state.
    mutating func state(workload: AWSWorkloadRecord, milestone: AWSMilestoneRecord?) -> AWSReviewState? {
        let number = milestone?.number
        let id = workload.id
        let listPath = AWSDumpLayout.listLensReviews(milestone: number)
        guard var reviews = document(listPath, { $0.listLensReviews($1, workloadId: id, milestone: number) }) else { return nil }
        checkFileNames(reviews.map(\.alias), of: "lens aliases", in: listPath)
        if Set(reviews.map(\.alias)) != Set(workload.lenses), !workload.lenses.isEmpty {
            problems.append(AWSProblem(
                subject: listPath, path: JSONPath([.key("LensReviewSummaries")]), value: reviews.map(\.alias).joined(separator: ", "),
                rule: "must list the lenses \(workload.source) gives the workload: \(workload.lenses.joined(separator: ", "))"))
        }
        for index in reviews.indices {
            let alias = reviews[index].alias
            var review = reviews[index]
            _ = document(AWSDumpLayout.getLensReview(alias, milestone: number)) { reader, root -> Bool? in
                reader.getLensReview(root, into: &review, workloadId: id, milestone: number)
                return true
            }
            let answersPath = AWSDumpLayout.listAnswers(alias, milestone: number)
            let questions = document(answersPath) { $0.listAnswers($1, alias: alias, workloadId: id, milestone: number) } ?? []
            checkFileNames(questions.map(\.id), of: "question ids", in: answersPath)
            for question in questions {
                let path = AWSDumpLayout.getAnswer(alias, question: question.id, milestone: number)
                if let answer = document(path, { $0.getAnswer($1, alias: alias, question: question.id, workloadId: id, milestone: number) }) {
                    review.answers.append(answer)
                }
            }
            reviews[index] = review
        }
        return AWSReviewState(milestone: milestone, workload: workload, lensReviews: reviews)
    }

    /// Two names that become one file name would overwrite each other's files.
    mutating func checkFileNames(_ names: [String], of what: String, in file: String) {
        var seen: [String: String] = [:]
        for name in names {
            let fileName = AWSDumpLayout.fileName(name)
            if let other = seen[fileName], other != name {
                problems.append(AWSProblem(
                    subject: file, value: name,
                    rule: "has the same file name (\(fileName)) as \(other); the dump cannot hold both \(what)"))
            }
            seen[fileName] = name
        }
    }

    /// A GetAnswer no ListAnswers lists is a problem (an answer the import would not see);
    /// anything else not part of the layout is noticed and ignored.
    mutating func checkUnreadFiles() {
        for path in dump.files.keys.sorted() where !read.contains(path) {
            let parts = path.split(separator: "/")
            if parts.count >= 4, parts[parts.count - 2] == "answers", parts.contains("lenses") {
                problems.append(AWSProblem(subject: path, rule: "is an answer no ListAnswers of the dump lists"))
            } else {
                notices.append(AWSNotice(subject: path, message: "is not part of the dump's layout; ignored"))
            }
        }
    }

    func position(_ node: JSONNode, in file: String) -> SourcePosition? {
        guard node.offset >= 0, let bytes = dump.files[file] else { return nil }
        return SourcePosition(offset: node.offset, in: bytes)
    }
}
