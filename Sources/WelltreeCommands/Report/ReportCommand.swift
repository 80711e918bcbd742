import ArgumentParser
import Foundation
import WelltreeWorkspace

/// `welltree report`: documents to hand to people without access to the repository.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Workload, milestone and consolidated reports as Markdown, HTML, JSON or PDF.",
        discussion: """
            `welltree report W` reports on workload W as the current commit has it; `--milestone M` \
            reports on the state recorded by milestone M instead. `welltree report consolidated` \
            covers every workload.
            """,
        subcommands: [Workload.self, Consolidated.self],
        defaultSubcommand: Workload.self)
}

/// `--output FILE`: where a report goes.
struct ReportDestination: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the report to <file> instead of standard output.", valueName: "file"))
    var output: String?

    /// The format a file name implies (`report.pdf`), for when `--format` is not given.
    var fileExtension: String? {
        guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        return String(output[output.index(after: dot)...]).lowercased()
    }

    /// Writes the report. Binary output (PDF) is refused on a terminal rather than garbling it.
    func write(_ bytes: [UInt8], binary: Bool = false, global: GlobalOptions, console: Console) throws(CommandError) {
        guard let output else {
            if binary, console.out.isTerminal {
                throw .refused("a PDF is binary: write it to a file with --output FILE (or redirect standard output)")
            }
            console.writeBytes(bytes)
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: global.file(output, console)), options: .atomic)
        } catch {
            throw .io(path: output, message: error.localizedDescription)
        }
    }
}
