import ArgumentParser
import Foundation
import Git
import WelltreeWorkspace

/// `welltree hook ...`: what the server-side git hooks run. Not for people to call by hand.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Judge a push on the git server (run by the pre-receive or update hook).",
        discussion:
            "Install with `welltree hooks install --server PATH`. Exit 0 accepts the push; otherwise every refusal is printed and the exit status is 2.",
        subcommands: [PreReceive.self, Update.self]
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
}

/// Judges updates against the server's state, prints each refusal and exits 2 on any; fails
/// closed (refuses) when the pusher is unknown or the server's data cannot be read.
private func judgePush(_ updates: [PushUpdate], malformed: [String]) {
    if !malformed.isEmpty { refuse(malformed.map { "malformed update line: \($0)" }) }
    let pusher: String
    switch Pusher.identify(ProcessInfo.processInfo.environment) {
    case .success(let principal): pusher = principal
    case .failure(let error): refuse([error.message])
    }
    do {
        let repository = try Repository.openForHook()
        let judge = try PushJudge(repository: repository, pusher: pusher, now: Int64(Date.now.timeIntervalSince1970))
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
