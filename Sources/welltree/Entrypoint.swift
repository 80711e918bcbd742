import Foundation
import WelltreeCommands

@main
struct Entrypoint {
    static func main() {
        exit(WelltreeCommand.run(Array(CommandLine.arguments.dropFirst()), console: .standard))
    }
}
