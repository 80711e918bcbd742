import WelltreeBenchmark

@main
struct Entrypoint {
    static func main() {
        BenchCommand.main()
    }
}
