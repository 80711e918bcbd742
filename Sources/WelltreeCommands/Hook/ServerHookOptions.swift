import ArgumentParser
import Foundation
import WelltreeReports
import WelltreeWorkspace

/// `welltree hooks install --server PATH [--admin P ...]`: the server half of hook installation,
/// kept apart from installing client hooks into clones.
struct ServerHookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The bare repository on the git server to protect.", valueName: "path"))
    var server: String?
    @Option(
        name: .customLong("admin"),
        help: ArgumentHelp("An administrator to record on refs/welltree/shares (repeatable).", valueName: "principal"))
    var administrators: [String] = []
    @Option(
        help: ArgumentHelp(
            "The review branch the hook protects as the default branch; the server's HEAD is pointed at it (default: the branch HEAD names if it exists, else main).",
            valueName: "branch"))
    var branch: String?

    /// Whether `--server` was given: then the server hook is installed instead of the clone's.
    var isRequested: Bool { server != nil }

    /// Installs the hook, pointing it at this very binary; `force` replaces a pre-receive hook
    /// welltree did not write. A relative `--server` path starts from `-C DIR`.
    func install(force: Bool, global: GlobalOptions, console: Console) throws {
        guard let server else { return }
        let outcome = try ServerHookInstaller.install(
            at: global.file(server, console), binary: Self.currentBinary(), administrators: administrators, branch: branch, force: force)
        console.write(
            HookText.serverInstall(
                hooks: outcome.hookPaths.map { ($0, outcome.replacedHooks.contains($0)) }, configured: outcome.configured,
                branch: outcome.branchName, movedHead: outcome.movedHead, administrators: outcome.administrators))
    }

    /// The absolute path of the running `welltree`.
    static func currentBinary() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        let argument = CommandLine.arguments[0]
        if argument.hasPrefix("/") { return argument }
        return FileManager.default.currentDirectoryPath + "/" + argument
    }
}
