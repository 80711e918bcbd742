import ArgumentParser
import Foundation
import Git
import WelltreeWorkspace

/// `welltree hook ...`: what the server-side git hooks run. Not for people to call by hand.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Judge a push on the git server (run by the pre-receive or update hook), and record it (post-receive).",
        discussion:
            "Install with `welltree hooks install --server PATH`. Exit 0 accepts the push; otherwise every refusal is printed and the exit status is 2.",
        subcommands: [PreReceive.self, Update.self, PostReceive.self]
    )

    /// `welltree hook pre-receive`: all updates of a push from standard input, accepted or refused together.
    struct PreReceive: ConsoleCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive", abstract: "Judge a whole push (`<old> <new> <ref>` lines on standard input).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree audit --format json"

        func run(_ console: Console) throws {
            let input = String(decoding: console.input.readAll(), as: UTF8.self)
            let (updates, malformed) = PushUpdate.parse(input)
            try judgePush(updates, malformed: malformed, global: global, console: console)
        }
    }

    /// `welltree hook update REF OLD NEW`: one reference, for hosts that run only update hooks.
    struct Update: ConsoleCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Judge one reference update.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree audit --format json"
        @Argument(help: "The reference.") var reference: String
        @Argument(help: "Its old value (zeros when created).") var old: String
        @Argument(help: "Its new value (zeros when deleted).") var new: String

        func run(_ console: Console) throws {
            guard let update = PushUpdate(old: old, new: new, reference: reference) else {
                return try judgePush([], malformed: ["\(reference) \(old) \(new)"], global: global, console: console)
            }
            try judgePush([update], malformed: [], global: global, console: console)
        }
    }

    /// `welltree hook post-receive`: records the push git just applied on the audit record.
    struct PostReceive: ConsoleCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "post-receive",
            abstract: "Record an accepted push on refs/welltree/audit (`<old> <new> <ref>` lines on standard input).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree audit --format json"

        func run(_ console: Console) throws {
            let input = String(decoding: console.input.readAll(), as: UTF8.self)
            let (updates, _) = PushUpdate.parse(input)
            let environment = console.environment
            let pusher: Pusher
            switch Pusher.identify(environment) {
            case .success(let identified): pusher = identified
            case .failure(let error): pusher = Pusher(principal: "(unidentified: \(error.message))", identifiedBy: "none")
            }
            do {
                let repository = try openRepository(global, console)
                try AuditRecorder(repository: repository).record(
                    updates, pusher: pusher, override: PushOptions(environment).override, at: Int64(Date.now.timeIntervalSince1970))
            } catch {
                throw CommandError.pushNotRecorded("\(error)")
            }
        }
    }
}

/// The repository a hook judges: git's (`$GIT_DIR`, as git sets it for hooks), or `-C DIR`.
private func openRepository(_ global: GlobalOptions, _ console: Console) throws(GitError) -> Repository {
    try Repository.openForHook(at: global.directory.map { _ in global.path(console) })
}

/// Judges updates against the server's state and throws every refusal; fails closed (refuses)
/// when the pusher is unknown or the server's data cannot be read.
private func judgePush(_ updates: [PushUpdate], malformed: [String], global: GlobalOptions, console: Console) throws(CommandError) {
    if !malformed.isEmpty { throw .pushRefused(malformed.map { "malformed update line: \($0)" }) }
    let environment = console.environment
    let pusher: Pusher
    switch Pusher.identify(environment) {
    case .success(let identified): pusher = identified
    case .failure(let error): throw .pushRefused([error.message])
    }
    let options = PushOptions(environment)
    if let problem = options.problem { throw .pushRefused([problem]) }
    let refusals: [String]
    do {
        let repository = try openRepository(global, console)
        let judge = try PushJudge(
            repository: repository, pusher: pusher.principal, override: options.override, now: Int64(Date.now.timeIntervalSince1970))
        refusals = try judge.judge(updates).map(\.description)
    } catch let error as GitError {
        refusals = ["cannot read the repository: \(error)"]
    } catch let error as WorkspaceError {
        refusals = ["cannot judge the push against the server's data: \(error)"]
    } catch {
        refusals = ["\(error)"]
    }
    if !refusals.isEmpty { throw .pushRefused(refusals) }
}
