import WelltreeCommands

@main
struct Entrypoint {
    static func main() {
        WelltreeCommand.main(WelltreeCommand.normalizedArguments(Array(CommandLine.arguments.dropFirst())))
    }
}
