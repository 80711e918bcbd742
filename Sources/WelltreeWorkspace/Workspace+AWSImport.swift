import Foundation
import WelltreeAWS
import WelltreeCore

#if canImport(Glibc)
    import Glibc
#endif

/// What `welltree import aws` did: the plan (losses, the risk comparison) and what was written.
package struct AWSImportOutcome: Sendable {
    package var plan: AWSImportPlan
    package var imported: ImportedWorkload
}

/// How much of a dump directory is read at most: a dump is untrusted input, and a directory of
/// any size would otherwise be read into memory whole.
package enum AWSDumpLimits {
    /// The largest file (ExportLens of the largest lens the service allows, with room).
    package static let fileSize = 4 * 1024 * 1024
    /// Files in a dump: 100 milestones of 20 lenses with a few hundred questions stay well below.
    package static let files = 200_000
    /// Bytes in all files together.
    package static let totalSize = 1024 * 1024 * 1024
}

extension Workspace {
    /// Reads every file below `directory` into a dump: regular files only (a symlink, a device
    /// or a FIFO is refused, not followed or read), none larger than `AWSDumpLimits.fileSize`.
    package static func readAWSDump(_ directory: String) throws(WorkspaceError) -> AWSDump {
        var info = stat()
        guard lstat(directory, &info) == 0 else { throw .io(path: directory, message: "cannot read: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path: directory, found: "not a directory") }
        var files: [String: [UInt8]] = [:]
        var total = 0
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? directory : directory + "/" + relative
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                throw .io(path: path, message: "cannot list: \(error.localizedDescription)")
            }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = directory + "/" + child
                guard lstat(full, &info) == 0 else { throw .io(path: full, message: "cannot read: \(String(cString: strerror(errno)))") }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(child)
                case S_IFREG:
                    let size = Int(info.st_size)
                    if size > AWSDumpLimits.fileSize { throw .fileTooLarge(path: full, size: size, limit: AWSDumpLimits.fileSize) }
                    total += size
                    if total > AWSDumpLimits.totalSize || files.count >= AWSDumpLimits.files {
                        throw .refused("\(directory) holds more than a dump can (\(AWSDumpLimits.files) files, \(AWSDumpLimits.totalSize) bytes); nothing was imported")
                    }
                    guard let data = FileManager.default.contents(atPath: full), data.count <= AWSDumpLimits.fileSize else {
                        throw .io(path: full, message: "cannot read")
                    }
                    files[child] = Array(data)
                case S_IFLNK: throw .notARegularFile(path: full, found: "a symbolic link")
                default: throw .notARegularFile(path: full, found: "a special file")
                }
            }
        }
        return AWSDump(files: files)
    }

    /// `welltree import aws DIR`: reads the dump, maps it onto Welltree's files (every value held
    /// to the rules of Welltree's own files) and writes it as one history (`importHistory`), all
    /// or nothing. Custom lenses get fresh aliases from their names.
    package func importAWS(_ dump: AWSDump, dropUnknownChoices: Bool, signing: SigningChoice) throws -> AWSImportOutcome {
        try requireInitialised()
        let read = try AWSDumpReader.read(dump)
        let actor = try principal()
        var builtin: [String: AWSCatalogLens] = [:]
        var taken: Set<String> = []
        for record in try allLensRecords() {
            taken.insert(record.alias)
            guard record.type == .awsOfficial, record.currentVersion != nil, record.deletedAt == nil else { continue }
            let loaded = try loadLens(record.alias)
            builtin[record.alias] = AWSCatalogLens(alias: record.alias, version: loaded.version, lens: loaded.lens)
        }
        var customAliases: [String: String] = [:]
        for export in read.lensExports where customAliases[export.alias] == nil {
            let alias = Self.freshAlias(for: export.lens.name, taken: taken)
            taken.insert(alias)
            customAliases[export.alias] = alias
        }
        let context = AWSImportContext(
            owner: actor, now: isoNow(), pillarPriority: try settings().pillarPriority,
            lenses: AWSLensCatalog(builtin: builtin, customAliases: customAliases), dropUnknownChoices: dropUnknownChoices,
            workspacePrefix: prefix)
        let plan = try AWSImport.plan(read, context: context)
        let history = ImportedHistory(
            lenses: plan.customLenses.map { lens in
                ImportedHistory.CustomLens(
                    alias: lens.alias, name: lens.name, versions: lens.versions.map { .init(version: $0.version, bytes: $0.bytes) })
            },
            states: plan.states.map { state in
                ImportedHistory.State(
                    milestone: state.milestone.map { ($0.number, $0.name, $0.recordedAt) }, workload: state.workload,
                    answers: Dictionary(uniqueKeysWithValues: state.answers.map { alias, byQuestion in
                        (alias, byQuestion.mapValues { StoredAnswer(answer: $0, updatedAt: state.answersUpdatedAt[alias]) })
                    }), notes: state.reviewNotes)
            },
            invitations: plan.shares.map { .init(shareId: $0.shareId, principal: $0.principal, permission: $0.permission) },
            source: "the AWS Well-Architected Tool")
        return AWSImportOutcome(plan: plan, imported: try importHistory(history, signing: signing))
    }
}
