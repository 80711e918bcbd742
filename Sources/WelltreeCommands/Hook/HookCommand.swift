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
    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive", abstract: "Judge a whole push (`<old> <new> <ref>` lines on standard input).")

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let (updates, malformed) = PushUpdate.parse(input)
            judgePush(updates, malformed: malformed)
        }
    }

    /// `welltree hook update REF OLD NEW`: one reference, for hosts that run only update hooks.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Judge one reference update.")

        @Argument(help: "The reference.") var reference: String
        @Argument(help: "Its old value (zeros when created).") var old: String
        @Argument(help: "Its new value (zeros when deleted).") var new: String

        func run() throws {
            guard let update = PushUpdate(old: old, new: new, reference: reference) else {
                judgePush([], malformed: ["\(reference) \(old) \(new)"])
                return
            }
            judgePush([update], malformed: [])
        }
    }

    /// `welltree hook post-receive`: records the push git just applied on the audit record.
    struct PostReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "post-receive",
            abstract: "Record an accepted push on refs/welltree/audit (`<old> <new> <ref>` lines on standard input).")

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let (updates, _) = PushUpdate.parse(input)
            let environment = ProcessInfo.processInfo.environment
            let pusher: Pusher
            switch Pusher.identify(environment) {
            case .success(let identified): pusher = identified
            case .failure(let error): pusher = Pusher(principal: "(unidentified: \(error.message))", identifiedBy: "none")
            }
            do {
                let repository = try Repository.openForHook()
                try AuditRecorder(repository: repository).record(
                    updates, pusher: pusher, override: PushOptions(environment).override, at: Int64(Date.now.timeIntervalSince1970))
            } catch {
                printError("welltree: the push landed but could not be recorded on \(AuditStore.reference): \(error)")
                Foundation.exit(1)
            }
        }
    }
}

/// Judges updates against the server's state, prints each refusal and exits 2 on any; fails
/// closed (refuses) when the pusher is unknown or the server's data cannot be read.
private func judgePush(_ updates: [PushUpdate], malformed: [String]) {
    if !malformed.isEmpty { refuse(malformed.map { "malformed update line: \($0)" }) }
    let environment = ProcessInfo.processInfo.environment
    let pusher: Pusher
    switch Pusher.identify(environment) {
    case .success(let identified): pusher = identified
    case .failure(let error): refuse([error.message])
    }
    let options = PushOptions(environment)
    if let problem = options.problem { refuse([problem]) }
    do {
        let repository = try Repository.openForHook()
        let judge = try PushJudge(
            repository: repository, pusher: pusher.principal, override: options.override, now: Int64(Date.now.timeIntervalSince1970))
        let refusals = try judge.judge(updates)
        if !refusals.isEmpty { refuse(refusals.map(\.description)) }
    } catch let error as GitError {
        refuse(["cannot read the repository: \(error)"])
    } catch let error as WorkspaceError {
        refuse(["cannot judge the push against the server's data: \(error)"])
    } catch {
        refuse(["\(error)"])
    }
}

private func refuse(_ reasons: [String]) -> Never {
    printError("welltree: push refused")
    for reason in reasons { printError("error: \(reason)") }
    Foundation.exit(2)
}
