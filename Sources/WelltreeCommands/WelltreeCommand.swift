import ArgumentParser

/// The `welltree` root command.
package struct WelltreeCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "welltree",
        abstract: "Git-native Well-Architected reviews."
    )

    package init() {}
}
