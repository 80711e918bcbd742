import ArgumentParser

/// `welltree workload ...`.
struct WorkloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload",
        abstract: "Create, list, show, update and delete workloads.",
        subcommands: [Create.self, List.self, Show.self, Tags.self, Update.self, Delete.self]
    )
}
