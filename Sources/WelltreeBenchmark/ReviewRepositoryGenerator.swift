import Git
import WelltreeCore
import WelltreeWorkspace

/// What `welltree-bench generate` produced.
package struct GeneratedRepository: Sendable {
    package var path: String
    package var workloads: Int
    package var answerFiles: Int
    /// The workload the last commit changes, and the answer file it changes.
    package var changedWorkload: String
    package var changedPath: String
    /// A workload to ask `welltree status` about.
    package var sampleWorkload: String
}

/// Generates a review repository in Welltree's own layout with many workloads, written through
/// the project's libgit2 layer straight into one pack (no work tree, no loose objects).
///
/// Each workload has the framework lens and up to two more of the built-in lenses; between 30%
/// and all of each lens's questions are answered, with selections in lens order, "none of
/// these" answers, best practices and whole questions marked not applicable with reasons,
/// free-text notes and distinct update times. One workload in ten keeps a runbook beside the
/// code (`services/<dir>/runbook.md`) that its first framework answer cites as evidence, with
/// the evidence-index marker a commit by `welltree` writes. The data is a function of the seed.
///
/// History: the first commit holds the workspace template and every workload; the second
/// changes one answer of one workload, so `HEAD~1..HEAD` is a one-workload change.
package struct ReviewRepositoryGenerator {
    package var path: String
    package var workloads: Int
    package var seed: UInt64 = 42
    /// Where the workspace template is (default: found beside the binary, as `welltree init` does).
    package var template: WorkspaceTemplate?

    package init(path: String, workloads: Int) {
        self.path = path
        self.workloads = workloads
    }

    /// One lens's questions as the generator needs them.
    private struct LensPlan {
        var alias: String
        var version: String
        var questions: [LensQuestion]
    }

    private static let signature = Signature(name: "Welltree Bench", email: "bench@example.com", time: 1_795_000_000)

    /// Writes the repository; `progress` is called with the number of workloads done.
    package func generate(progress: (Int) -> Void = { _ in }) throws -> GeneratedRepository {
        let repository = try Repository.create(at: path, bare: true)
        let packer = try ObjectPacker(repository)
        let template = try self.template ?? WorkspaceTemplate.locate()
        var templateFiles: [(String, ObjectID)] = []
        var plans: [String: LensPlan] = [:]
        for (relative, bytes) in try template.files() {
            templateFiles.append((relative, try repository.writeBlob(bytes)))
            let parts = relative.split(separator: "/")
            if parts.count == 4, parts[0] == "lenses", parts[2] == "versions", relative.hasSuffix(".json") {
                let alias = String(parts[1])
                let lens = try LensLoader.load(bytes, file: relative, kind: .official).lens
                plans[alias] = LensPlan(alias: alias, version: String(parts[3].dropLast(5)), questions: lens.pillars.flatMap(\.questions))
            }
        }
        guard let framework = plans[BuiltinLens.framework] else {
            throw GeneratorError("the workspace template has no \(BuiltinLens.framework) lens version")
        }
        let extras = BuiltinLens.aliases.filter { $0 != BuiltinLens.framework }.compactMap { plans[$0] }

        var workloadEntries: [TreeEntry] = []
        workloadEntries.reserveCapacity(workloads)
        var answerFiles = 0
        // Each workload's data is a function of the seed and its index alone, and the changed
        // workload has the same index at every size, so repositories of 1,000 and 10,000
        // workloads hold the very same change: what `check` and `status` cost can be compared.
        let changedIndex = min(workloads / 2, 500)
        var changed: (directory: String, name: String, answers: [String: [TreeEntry]], lens: LensPlan, question: LensQuestion)?
        // Cited runbooks and the evidence index's markers, by path.
        var codeFiles: [(String, ObjectID)] = []
        for index in 0..<workloads {
            var random = SeededGenerator(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
            var lenses = [framework]
            let extraCount = random.int(0...2)
            var pool = extras
            for _ in 0..<extraCount where !pool.isEmpty {
                lenses.append(pool.remove(at: random.int(0...(pool.count - 1))))
            }
            let workload = makeWorkload(index: index, lenses: lenses, random: &random)
            let directory = Layout.workloadDirectoryName(for: workload.name)
            var answerTrees: [String: [TreeEntry]] = [:]
            // The changed workload cites nothing: the second commit rewrites its first answer.
            var cites = index % 10 == 0 && index != changedIndex
            for lens in lenses {
                let answered = 0.3 + 0.7 * Double(random.next() % 1000) / 1000
                let selectRate = 0.35 + 0.6 * Double(random.next() % 1000) / 1000
                var files: [TreeEntry] = []
                for question in lens.questions where random.chance(answered) {
                    var answer = makeAnswer(question, selectRate: selectRate, after: workload.createdAt, random: &random)
                    if cites, lens.alias == BuiltinLens.framework {
                        cites = false
                        let runbook = "services/\(directory)/runbook.md"
                        let code = try repository.writeBlob(Array("# Runbook of \(workload.name)\n".utf8))
                        answer.answer.evidence = [Evidence(path: runbook, confirmedId: code.hex)]
                        codeFiles.append((runbook, code))
                        let hash = try repository.blobID(of: Array(runbook.utf8)).hex
                        codeFiles.append(
                            (Layout.evidenceMarker(hash: hash, directory: directory, lens: lens.alias, question: question.id),
                             try repository.writeBlob(EvidenceMarker.contents(runbook))))
                    }
                    let blob = try repository.writeBlob(try CanonicalJSON.encode(answer))
                    files.append(TreeEntry(name: question.id + ".json", id: blob, kind: .blob))
                }
                answerFiles += files.count
                if !files.isEmpty { answerTrees[lens.alias] = files }
            }
            let workloadBlob = try repository.writeBlob(try CanonicalJSON.encode(workload))
            let tree = try writeWorkloadTree(repository, workloadBlob: workloadBlob, answers: answerTrees)
            workloadEntries.append(TreeEntry(name: directory, id: tree, kind: .tree))
            if index == changedIndex, let files = answerTrees[BuiltinLens.framework], let first = files.first,
                let question = framework.questions.first(where: { $0.id + ".json" == first.name })
            {
                changed = (directory, workload.name, answerTrees, framework, question)
            }
            if index % 100 == 99 { progress(index + 1) }
        }
        progress(workloads)

        let first = try commit(
            repository, templateFiles: templateFiles + codeFiles, workloads: workloadEntries, parent: nil,
            message: "Import \(workloads) workloads")
        var head = first
        var changedPath = ""
        if let changed {
            // The second commit: one more best practice selected in one answer of one workload.
            var answers = changed.answers
            var files = answers[changed.lens.alias]!
            let choices = changed.question.choices.filter { !$0.isNoneOfThese }
            let updated = StoredAnswer(
                answer: Answer(
                    selectedChoices: choices.prefix(max(1, choices.count - 1)).map(\.id), notes: "Reviewed again after the incident review."
                ),
                updatedAt: "2026-11-27T12:00:00Z")
            files[0].id = try repository.writeBlob(try CanonicalJSON.encode(updated))
            answers[changed.lens.alias] = files
            let workloadFile = try repository.entry(
                at: Layout.workloadFileName, inTree: workloadEntries.first(where: { $0.name == changed.directory })!.id)!
            let tree = try writeWorkloadTree(repository, workloadBlob: workloadFile.id, answers: answers)
            var entries = workloadEntries
            let position = entries.firstIndex(where: { $0.name == changed.directory })!
            entries[position].id = tree
            changedPath = Layout.answerFile(changed.directory, lens: changed.lens.alias, question: changed.question.id)
            head = try commit(
                repository, templateFiles: templateFiles + codeFiles, workloads: entries, parent: first,
                message: "Answer \(changed.question.id) of \(changed.name) (\(changed.lens.alias))")
        }
        try repository.setReference("refs/heads/main", to: head, expected: nil, message: "welltree-bench: generate")
        try packer.flush()
        return GeneratedRepository(
            path: path, workloads: workloads, answerFiles: answerFiles, changedWorkload: changed?.name ?? "",
            changedPath: changedPath, sampleWorkload: changed?.name ?? "")
    }

    private func writeWorkloadTree(_ repository: Repository, workloadBlob: ObjectID, answers: [String: [TreeEntry]]) throws -> ObjectID {
        var entries = [TreeEntry(name: Layout.workloadFileName, id: workloadBlob, kind: .blob)]
        if !answers.isEmpty {
            var lensEntries: [TreeEntry] = []
            for (alias, files) in answers {
                lensEntries.append(TreeEntry(name: alias, id: try repository.writeTree(files), kind: .tree))
            }
            entries.append(TreeEntry(name: Layout.answersDirectoryName, id: try repository.writeTree(lensEntries), kind: .tree))
        }
        return try repository.writeTree(entries)
    }

    private func commit(
        _ repository: Repository, templateFiles: [(String, ObjectID)], workloads: [TreeEntry], parent: ObjectID?, message: String
    ) throws -> ObjectID {
        var shards: [String: [TreeEntry]] = [:]
        for entry in workloads { shards[Layout.shard(ofDirectory: entry.name), default: []].append(entry) }
        var shardEntries: [TreeEntry] = []
        for (shard, entries) in shards {
            shardEntries.append(TreeEntry(name: shard, id: try repository.writeTree(entries), kind: .tree))
        }
        let workloadsTree = try repository.writeTree(shardEntries)
        let root = try writeTree(
            repository, files: templateFiles, extra: [TreeEntry(name: Layout.workloads, id: workloadsTree, kind: .tree)])
        return try repository.createCommit(
            tree: root, parents: parent.map { [$0] } ?? [], message: message, author: Self.signature, committer: Self.signature)
    }

    /// Builds nested trees from slash-separated paths.
    private func writeTree(_ repository: Repository, files: [(String, ObjectID)], extra: [TreeEntry]) throws -> ObjectID {
        var entries = extra
        var directories: [String: [(String, ObjectID)]] = [:]
        for (path, id) in files {
            if let slash = path.firstIndex(of: "/") {
                directories[String(path[..<slash]), default: []].append((String(path[path.index(after: slash)...]), id))
            } else {
                entries.append(TreeEntry(name: path, id: id, kind: .blob))
            }
        }
        for (name, children) in directories {
            entries.append(TreeEntry(name: name, id: try writeTree(repository, files: children, extra: []), kind: .tree))
        }
        return try repository.writeTree(entries)
    }

    private func makeWorkload(index: Int, lenses: [LensPlan], random: inout SeededGenerator) -> Workload {
        let domain = random.pick(SampleText.domains)
        let name = "\(domain) \(random.pick(SampleText.systems)) \(index + 1)"
        let created = 1_735_689_600 + Int64(random.int(0...20_000_000))
        let updated = created + Int64(random.int(0...10_000_000))
        let regions = (0..<random.int(1...3)).map { _ in random.pick(SampleText.regions) }
        var accounts: [String] = []
        for _ in 0..<random.int(1...3) { accounts.append(String(100_000_000_000 + random.next() % 899_999_999_999)) }
        let team = random.pick(SampleText.teams)
        return Workload(
            id: Workload.newID(using: &random),
            name: name,
            description: "The \(domain.lowercased()) \(["backend", "service", "platform"][index % 3]) operated by the \(team) team.",
            reviewOwner: random.pick(SampleText.people),
            environment: random.chance(0.6) ? .production : .preproduction,
            awsRegions: Array(Set(regions)).sorted(),
            accountIds: Array(Set(accounts)).sorted(),
            architecturalDesign: random.chance(0.5) ? "https://wiki.example.com/architecture/\(index + 1)" : nil,
            tags: ["team": team, "cost-center": "cc-\(1000 + index % 250)"],
            notes: random.chance(0.3) ? random.pick(SampleText.notes) : nil,
            improvementStatus: random.pick(ImprovementStatus.allCases),
            owner: "\(team)-lead@example.com",
            lenses: lenses.map { WorkloadLens(alias: $0.alias, version: $0.version) },
            createdAt: Self.isoTime(created),
            updatedAt: Self.isoTime(updated))
    }

    private func makeAnswer(_ question: LensQuestion, selectRate: Double, after created: String, random: inout SeededGenerator)
        -> StoredAnswer
    {
        var answer = Answer()
        let roll = random.next() % 100
        let regular = question.choices.filter { !$0.isNoneOfThese }
        if roll < 4 {
            answer.isApplicable = false
            answer.reason = random.pick([.outOfScope, .businessPriorities, .architectureConstraints, .other])
        } else if roll < 10, let none = question.noneOfTheseChoice {
            answer.selectedChoices = [none.id]
        } else {
            var unselected: [String] = []
            for choice in regular {
                if random.chance(selectRate) { answer.selectedChoices.append(choice.id) } else { unselected.append(choice.id) }
            }
            if !unselected.isEmpty, random.chance(0.12) {
                let id = random.pick(unselected)
                answer.notApplicableChoices[id] = ChoiceNotApplicable(
                    reason: random.pick([.outOfScope, .businessPriorities, .architectureConstraints]),
                    notes: random.chance(0.7) ? random.pick(SampleText.notApplicableNotes) : nil)
            }
            if answer.selectedChoices.isEmpty && answer.notApplicableChoices.isEmpty, let first = regular.first {
                answer.selectedChoices = [first.id]
            }
        }
        if random.chance(0.6) {
            answer.notes = (0..<random.int(1...3)).map { _ in random.pick(SampleText.notes) }.joined(
                separator: random.chance(0.3) ? "\n" : " ")
        }
        let base = Self.seconds(created) ?? 1_735_689_600
        return StoredAnswer(answer: answer, updatedAt: Self.isoTime(base + Int64(random.int(0...30_000_000))))
    }

    /// `2026-11-27T11:05:36Z` for seconds since 1970 (proleptic Gregorian, UTC).
    static func isoTime(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let rest = seconds % 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// Seconds since 1970 of a time written by `isoTime`.
    static func seconds(_ iso: String) -> Int64? {
        let parts = iso.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int64($0) }
        guard parts.count == 6 else { return nil }
        var (y, m) = (parts[0], parts[1])
        if m <= 2 { y -= 1; m += 12 }
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * (m - 3) + 2) / 5 + parts[2] - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + parts[3] * 3600 + parts[4] * 60 + parts[5]
    }
}

/// A generation step that cannot proceed.
package struct GeneratorError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
