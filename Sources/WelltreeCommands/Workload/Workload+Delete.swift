import ArgumentParser
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload delete`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a workload and its answers (owner only). Its milestones stay in history.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run() throws {
            try perform {
                guard yes else { fail("deleting a workload removes its data from the branch; add --yes to confirm") }
                let workspace = try global.workspace()
                let deleted = try workspace.deleteWorkload(workload)
                outputLine("Deleted workload \(deleted.name) (\(deleted.id))")
            }
        }
    }
}
