import ArgumentParser

/// `welltree lens ...`.
struct LensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lens",
        abstract: "Import, publish, export and apply lenses.",
        subcommands: [
            List.self, Show.self, Import.self, Publish.self, Export.self, Delete.self, Associate.self, Disassociate.self,
            Validate.self, Diff.self, Upgrade.self,
        ]
    )
}

extension LensCommand {
    /// Placeholder until the validator command lands.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check lens files without importing them.")
    }
}
