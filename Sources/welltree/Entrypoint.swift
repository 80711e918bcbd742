import WelltreeCommands

@main
struct Entrypoint {
    static func main() async {
        await WelltreeCommand.main()
    }
}
