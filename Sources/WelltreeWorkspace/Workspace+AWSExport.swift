import Foundation
import WelltreeAWS
import WelltreeCore

#if canImport(Glibc)
    import Glibc
#endif

extension Workspace {
    /// What `welltree export aws W` sends: the workload's milestones in number order (each read
    /// from its tagged commit) and the present, or milestone `milestone`'s state alone; the files
    /// of the custom lens versions they use; the shares.
    package func awsExportSource(_ reference: String, milestone: String?) throws(WorkspaceError) -> AWSExportSource {
        try requireInitialised()
        let stored = try findWorkload(reference)
        // The workload file is repository text: a hand edit can put anything in it, and what the
        // export writes is run by a shell. It is exported only when it follows every rule.
        let problems = WorkloadValidation.validate(stored.workload)
        if !problems.isEmpty {
            let file = Layout.workloadFile(stored.directory)
            throw .invalid(ValidationError(problems.map { Violation(field: "\(file): \($0.field)", value: $0.value, rule: $0.rule) }))
        }
        var states: [AWSExportState] = []
        var lenses: [String: [String: AWSExportLensFile]] = [:]
        if let milestone {
            let found = try findMilestone(reference, milestone)
            let (snapshot, then) = try snapshot(of: found)
            states.append(try snapshot.awsExportState(then, milestone: nil, lenses: &lenses))
        } else {
            for found in try milestones(ofWorkloadId: stored.workload.id) {
                let (snapshot, then) = try snapshot(of: found)
                let record = AWSExportMilestone(number: found.milestone.number, name: found.milestone.name)
                states.append(try snapshot.awsExportState(then, milestone: record, lenses: &lenses))
            }
            states.append(try awsExportState(stored, milestone: nil, lenses: &lenses))
        }
        let shares = milestone == nil ? try shareStore().file(.workload(id: stored.workload.id)).shares : []
        return AWSExportSource(workloadId: stored.workload.id, states: states, customLenses: lenses, shares: shares)
    }

    /// One state as the export reads it from this workspace's commit.
    private func awsExportState(
        _ stored: StoredWorkload, milestone: AWSExportMilestone?, lenses: inout [String: [String: AWSExportLensFile]]
    ) throws(WorkspaceError) -> AWSExportState {
        var workload = stored.workload
        if workload.pillarPriorities == nil { workload.pillarPriorities = try settings().pillarPriority }
        var awsLenses: Set<String> = []
        var answers: [String: [String: Answer]] = [:]
        var notes: [String: LensReviewNotes] = [:]
        for (index, applied) in stored.workload.lenses.enumerated() {
            let loaded = try effectiveLens(applied)
            workload.lenses[index].version = loaded.version
            if loaded.record.type == .awsOfficial {
                awsLenses.insert(applied.alias)
            } else if lenses[applied.alias]?[loaded.version] == nil {
                let path = Layout.lensVersion(applied.alias, loaded.version)
                guard let bytes = try file(path) else { throw .notFound(what: "lens file", name: path, hint: nil) }
                lenses[applied.alias, default: [:]][loaded.version] = AWSExportLensFile(
                    json: String(decoding: bytes, as: UTF8.self), name: loaded.lens.name)
            }
            let stateAnswers = try self.answers(of: stored, lens: applied.alias).mapValues(\.answer).filter { !$0.value.isEmpty }
            if !stateAnswers.isEmpty { answers[applied.alias] = stateAnswers }
            let lensNotes = try lensNotes(of: stored, lens: applied.alias)
            if !lensNotes.isEmpty { notes[applied.alias] = lensNotes }
        }
        return AWSExportState(milestone: milestone, workload: workload, awsLenses: awsLenses, answers: answers, notes: notes)
    }

    /// Writes an export's files into `directory`, all or nothing: the directory must not exist
    /// or be empty (an export never mixes with other files, or an older export's requests);
    /// the files are written into a new directory beside it, which is renamed into place last.
    /// `apply.sh` is executable.
    package static func writeAWSExport(_ files: [(path: String, bytes: [UInt8])], to directory: String) throws(WorkspaceError) {
        let target = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var info = stat()
        var replaceEmpty = false
        if lstat(target, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .refused("\(target) exists and is not a directory; choose a new directory for the export; nothing was written")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? ["?"]
            guard entries.isEmpty else {
                throw .refused(
                    "\(target) exists and is not empty (\(entries.count) entries); choose a new or empty directory for the export; nothing was written"
                )
            }
            replaceEmpty = true
        }
        let parent = (target as NSString).deletingLastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.welltree-export-" + UUID().uuidString.lowercased()
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw .io(path: staging, message: "cannot create: \(error.localizedDescription)")
        }
        do throws(WorkspaceError) {
            for file in files {
                let path = staging + "/" + file.path
                let folder = (path as NSString).deletingLastPathComponent
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .io(path: folder, message: "cannot create: \(error.localizedDescription)")
                }
                let mode: Int = file.path.hasSuffix(".sh") ? 0o755 : 0o644
                guard manager.createFile(atPath: path, contents: Data(file.bytes), attributes: [.posixPermissions: mode]) else {
                    throw .io(path: path, message: "cannot write")
                }
            }
            if replaceEmpty, rmdir(target) != 0 {
                throw .io(path: target, message: "cannot replace the empty directory: \(String(cString: strerror(errno)))")
            }
            guard rename(staging, target) == 0 else {
                throw .io(path: target, message: "cannot create: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }
}
