// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Welltree",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "welltree", targets: ["welltree"]),
        .executable(name: "welltree-bench", targets: ["welltree-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // cairo and Pango are loaded with dlopen on the first PDF render, not linked: this target
        // declares the functions used, so neither their -dev headers nor a link line is needed.
        .target(name: "CPangoCairo"),
        // The commit a release was built from: scripts/release links in a stamp that overrides
        // the weak "" defined here (see scripts/release).
        .target(name: "CWelltreeBuild"),
        .target(name: "Git", dependencies: ["CLibGit2"]),
        .target(name: "WelltreeCore"),
        .target(name: "WelltreeWorkspace", dependencies: ["Git", "WelltreeAWS", "WelltreeCore"]),
        .target(name: "WelltreeReports", dependencies: ["WelltreeAWS", "WelltreeCore"]),
        // Moving reviews between the AWS Well-Architected Tool and Welltree: reading a dump,
        // writing the service's requests. Pure, like the core: no git, no files.
        .target(name: "WelltreeAWS", dependencies: ["WelltreeCore"]),
        .target(name: "WelltreePDF", dependencies: ["CPangoCairo", "WelltreeCore", "WelltreeReports"]),
        .target(name: "WelltreeInteractive", dependencies: ["Git", "WelltreeCore", "WelltreeReports", "WelltreeWorkspace"]),
        .target(
            name: "WelltreeCommands",
            dependencies: [
                "Git", "WelltreeAWS", "WelltreeCore", "WelltreeWorkspace", "WelltreeReports", "WelltreePDF", "WelltreeInteractive", "CWelltreeBuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "welltree", dependencies: ["WelltreeCommands"]),
        .target(
            name: "WelltreeBenchmark",
            dependencies: [
                "Git", "WelltreeCore", "WelltreeWorkspace", "WelltreeCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "welltree-bench", dependencies: ["WelltreeBenchmark"]),
        // Fuzzing: the checks live in a library so tests replay past findings; each harness is
        // a libFuzzer target when built by scripts/fuzz, a replay tool in an ordinary build.
        .target(name: "WelltreeFuzzing", dependencies: ["WelltreeCore", "WelltreeWorkspace"]),
        .executableTarget(name: "FuzzLens", dependencies: ["WelltreeFuzzing"], path: "Fuzz/FuzzLens"),
        .executableTarget(name: "FuzzCondition", dependencies: ["WelltreeFuzzing"], path: "Fuzz/FuzzCondition"),
        .executableTarget(name: "FuzzWorkspaceFiles", dependencies: ["WelltreeFuzzing"], path: "Fuzz/FuzzWorkspaceFiles"),
        // Helpers every test target shares (the seeded generator, the RELIABILITY.md log); a plain
        // library under Tests/ that only test targets depend on.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitTests", dependencies: ["CLibGit2", "Git", "TestSupport"]),
        .testTarget(name: "WelltreeCoreTests", dependencies: ["TestSupport", "WelltreeCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "WelltreeWorkspaceTests", dependencies: ["Git", "TestSupport", "WelltreeCore", "WelltreeWorkspace"]),
        .testTarget(
            name: "WelltreeBenchmarkTests", dependencies: ["Git", "WelltreeBenchmark", "WelltreeCore", "WelltreeWorkspace"]),
        .testTarget(
            name: "WelltreeFuzzingTests", dependencies: ["TestSupport", "WelltreeFuzzing"],
            resources: [.copy("Regressions"), .copy("Seeds")]),
        // One test target for both renderer libraries: the PDF tests read the same pinned report model.
        .testTarget(
            name: "WelltreeReportsTests", dependencies: ["CPangoCairo", "TestSupport", "WelltreeAWS", "WelltreeCore", "WelltreePDF", "WelltreeReports"],
            exclude: ["Golden"]),
        .testTarget(name: "WelltreeInteractiveTests", dependencies: ["WelltreeCore", "WelltreeInteractive"]),
        // Runs commands in-process (parse, run, capture the console) against temporary
        // repositories; libgit2 is imported only to pin the process's git configuration.
        .testTarget(name: "WelltreeCommandsTests", dependencies: ["CLibGit2", "TestSupport", "WelltreeCommands", "WelltreeCore", "WelltreeWorkspace"]),
        // The fixtures are read by path, not resources.
        .testTarget(name: "WelltreeAWSTests", dependencies: ["WelltreeAWS", "WelltreeCore"], exclude: ["Fixtures"]),
        // Runs the built binary (hence the dependency on it); the Python scripts beside its support
        // code is run by path, not a resource.
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", "welltree"],
            exclude: ["Support/git-http-server.py", "Support/run-action.py"]),
    ],
    swiftLanguageModes: [.v6]
)
