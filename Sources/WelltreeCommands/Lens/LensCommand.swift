import ArgumentParser

/// `welltree lens ...`.
struct LensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lens",
        abstract: "Import, publish, export and apply lenses.",
        subcommands: [
            List.self, Show.self, Import.self, Publish.self, Export.self, Delete.self, Associate.self, Disassociate.self,
            LensValidate.self, Diff.self, Upgrade.self, Share.self, Reviews.self, Notes.self,
        ]
    )
}

