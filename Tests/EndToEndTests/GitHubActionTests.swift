import Foundation
import Testing

/// The GitHub Action (`action.yml`), the workspace template's CI definitions and the pre-commit
/// manifest: valid against their schemas (check-jsonschema's copies of the SchemaStore schemas,
/// which work offline), and the action's steps run as a runner runs them
/// (`Support/run-action.py`), installing a local release archive through a file:// URL.
@Suite("the GitHub Action and CI definitions", .enabled(if: PythonTools.isAvailable, PythonTools.skipMessage))
struct GitHubActionTests {
    static let root = PythonTools.sourceRoot

    func validate(_ schema: String, _ file: String) throws -> RunResult {
        try Run.program(PythonTools.tool("check-jsonschema"), ["--builtin-schema", schema, file])
    }

    @Test func definitionsValidateAgainstTheirSchemas() throws {
        for (schema, file) in [
            ("vendor.github-actions", "action.yml"), ("vendor.github-workflows", "workspace-template/.github/workflows/welltree.yml"),
            ("vendor.gitlab-ci", "workspace-template/.gitlab-ci.yml"),
        ] {
            let result = try validate(schema, Self.root + "/" + file)
            #expect(result.status == 0, "\(file): \(result)")
        }
        let manifest = try Run.program(PythonTools.tool("pre-commit"), ["validate-manifest", Self.root + "/.pre-commit-hooks.yaml"])
        #expect(manifest.status == 0, "\(manifest)")

        // The schemas are really applied: a broken copy of the action is refused.
        let broken = NSTemporaryDirectory() + "broken-action-" + UUID().uuidString + ".yml"
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try String(contentsOfFile: Self.root + "/action.yml", encoding: .utf8).replacingOccurrences(
            of: "using: composite", with: "using: nothing"
        )
        .write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try validate("vendor.github-actions", broken).status != 0)

        // No placeholder clone, no build on every run: the GitHub job uses the action, the GitLab
        // job this version's release archive.
        let workflow = try String(contentsOfFile: Self.root + "/workspace-template/.github/workflows/welltree.yml", encoding: .utf8)
        let gitlab = try String(contentsOfFile: Self.root + "/workspace-template/.gitlab-ci.yml", encoding: .utf8)
        for text in [workflow, gitlab] {
            #expect(!text.contains("git clone") && !text.contains("swift build") && !text.contains("example/welltree"))
        }
        #expect(workflow.contains("uses: OWNER/welltree@v1"))
        let version = try String(contentsOfFile: Self.root + "/VERSION", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(gitlab.contains("WELLTREE_VERSION: \(version)\n"))
        #expect(gitlab.contains("sha256sum --check"))
    }

    /// A local release: the built binary with the template and hooks in the archive's layout,
    /// and its SHA256SUMS, in `directory`.
    static func localRelease(in directory: String) throws -> (url: String, archive: String) {
        let name = "welltree-9.9.9-linux-\(ReleaseArchive.architecture)"
        let stage = directory + "/stage/" + name
        try FileManager.default.createDirectory(atPath: stage + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: stage + "/share/welltree", withIntermediateDirectories: true)
        // A copy: tar refuses a file whose link count changes while it reads it (parallel tests).
        try FileManager.default.copyItem(
            atPath: URL(fileURLWithPath: Run.welltree).resolvingSymlinksInPath().path, toPath: stage + "/bin/welltree")
        for shipped in ["workspace-template", "hooks"] {
            try FileManager.default.copyItem(atPath: root + "/" + shipped, toPath: stage + "/share/welltree/" + shipped)
        }
        let release = directory + "/releases/v9.9.9"
        try FileManager.default.createDirectory(atPath: release, withIntermediateDirectories: true)
        let tar = try Run.program("tar", ["-czf", release + "/" + name + ".tar.gz", "-C", directory + "/stage", name])
        try #require(tar.status == 0, "\(tar)")
        let sums = try Run.program("sh", ["-c", "sha256sum \(name).tar.gz > SHA256SUMS"], in: release)
        try #require(sums.status == 0, "\(sums)")
        return ("file://" + release + "/" + name + ".tar.gz", release + "/" + name + ".tar.gz")
    }

    /// Runs the action in `sandbox`'s repository as a pull_request event targeting main.
    static func runAction(_ sandbox: Sandbox, inputs: [String: String], cache: String, stopAfter: String? = nil) throws -> (
        RunResult, [String: Any]
    ) {
        var arguments = [
            Self.root + "/Tests/EndToEndTests/Support/run-action.py", Self.root + "/action.yml",
            "--workspace", sandbox.repo, "--cache-store", cache,
        ]
        for (name, value) in inputs.sorted(by: { $0.key < $1.key }) { arguments += ["--input", "\(name)=\(value)"] }
        if let stopAfter { arguments += ["--stop-after", stopAfter] }
        var environment = sandbox.environment
        environment.merge([
            "GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main", "GITHUB_HEAD_REF": "stop-backups",
            "GITHUB_REF": "refs/pull/7/merge", "GITHUB_REPOSITORY": "example/reviews", "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_STEP_SUMMARY": sandbox.root + "/step-summary.md",
        ]) { $1 }
        environment["RUNNER_TOOL_CACHE"] = nil
        let result = try Run.program(PythonTools.tool("python"), arguments, in: sandbox.repo, environment: environment)
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
        return (result, report)
    }

    /// A review repository whose branch stop-backups adds one HRI, with origin/main as on a
    /// runner's checkout.
    static func pullRequest() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.git(["update-ref", "refs/remotes/origin/main", "main"]).status == 0)
        try #require(try sandbox.git(["checkout", "-q", "-b", "stop-backups"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "backing-up-data", "--none"]).status == 0)
        return sandbox
    }

    @Test(.timeLimit(.minutes(5)))
    func actionInstallsTheCheckedArchiveWritesReportsAndGates() throws {
        let sandbox = try Self.pullRequest()
        let release = try Self.localRelease(in: sandbox.root + "/server")
        let cache = sandbox.root + "/actions-cache"

        // First run: downloaded (file://), checked, installed, reports written, gate failed.
        let (first, report) = try Self.runAction(sandbox, inputs: ["version": release.url], cache: cache)
        #expect(first.status == 1, "\(first)")
        let outputs = try #require(report["outputs"] as? [String: String], "\(first)")
        #expect(outputs["verdict"] == "failed")
        #expect(outputs["welltree"]?.hasSuffix("/welltree/bin/welltree") == true)
        #expect(first.stderr.contains("Downloading " + release.url))
        #expect(
            first.stderr.contains("::error file=workloads/re/retail-website-north-america/answers/wellarchitected/backing-up-data.json"))
        let sarifPath = sandbox.repo + "/" + (outputs["sarif"] ?? "")
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath))) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(results.count == 1 && results.first?["ruleId"] as? String == "welltree/high-risk", "\(results)")
        let comment = try String(contentsOfFile: sandbox.repo + "/" + (outputs["comment"] ?? ""), encoding: .utf8)
        #expect(comment.hasPrefix("## Well-Architected review changes"))
        #expect(comment.contains("**1 new HRI**"))
        #expect(try String(contentsOfFile: sandbox.root + "/step-summary.md", encoding: .utf8).contains("1 new high-risk issue"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(
            saved.count == 1 && saved[0].hasPrefix("welltree-archive-"),
            "the failed gate must not keep the download out of the cache: \(saved)")

        // Second run on a fresh runner: the archive comes from the cache, checked again.
        try FileManager.default.removeItem(atPath: release.archive)
        let (second, secondReport) = try Self.runAction(sandbox, inputs: ["version": release.url], cache: cache)
        #expect(second.status == 1 && second.stderr.contains("Using the cached"), "\(second)")
        #expect((secondReport["outputs"] as? [String: String])?["verdict"] == "failed")

        // A cached archive that no longer matches SHA256SUMS is not installed.
        let cachedArchive = cache + "/" + saved[0] + "/" + URL(fileURLWithPath: release.archive).lastPathComponent
        let handle = try #require(FileHandle(forUpdatingAtPath: cachedArchive))
        try handle.seekToEnd()
        handle.write(Data("tampered".utf8))
        try handle.close()
        let (tampered, tamperedReport) = try Self.runAction(sandbox, inputs: ["version": release.url], cache: cache)
        #expect(tampered.status != 0, "\(tampered)")
        #expect(tampered.stderr.contains("SHA256SUMS says") || tampered.stderr.contains("curl"), "\(tampered)")
        let steps = tamperedReport["steps"] as? [[String: String]] ?? []
        #expect(steps.first { $0["id"] == "check" }?["outcome"] == "skipped", "\(steps)")
    }

    @Test(.timeLimit(.minutes(5)))
    func aBranchWithoutNewRisksPassesAndFailOnNoneOnlyReports() throws {
        let sandbox = try Self.pullRequest()
        let release = try Self.localRelease(in: sandbox.root + "/server")
        let cache = sandbox.root + "/actions-cache"
        let (reportOnly, report) = try Self.runAction(
            sandbox, inputs: ["version": release.url, "fail-on": "none", "sarif": ""], cache: cache)
        #expect(reportOnly.status == 0, "\(reportOnly)")
        let outputs = report["outputs"] as? [String: String] ?? [:]
        #expect(outputs["verdict"] == "failed" && outputs["sarif"] == "" && outputs["comment"] == "welltree-diff.md", "\(outputs)")

        try #require(try sandbox.welltree(["workload", "update", Sandbox.tutorialName, "--review-owner", "John Roe"]).status == 0)
        try #require(try sandbox.git(["update-ref", "refs/remotes/origin/main", "HEAD~1"]).status == 0)
        let (passing, passingReport) = try Self.runAction(sandbox, inputs: ["version": release.url], cache: cache)
        #expect(passing.status == 0, "\(passing)")
        #expect((passingReport["outputs"] as? [String: String])?["verdict"] == "passed")
    }

    /// Without a release to download, the action builds from its own source, caching the build
    /// directory (only the decision is run here: the build itself is a release build).
    @Test func withoutAReleaseTheActionBuildsFromSource() throws {
        let sandbox = try Self.pullRequest()
        let cache = sandbox.root + "/actions-cache"
        let (result, report) = try Self.runAction(
            sandbox, inputs: ["release-url": "file://" + sandbox.root + "/no-releases"], cache: cache, stopAfter: "restore-build")
        #expect(result.status == 0, "\(result)")
        let locate = (report["stepOutputs"] as? [String: [String: String]])?["locate"] ?? [:]
        #expect(locate["method"] == "source", "\(report)")
        #expect(locate["cache-key"]?.hasPrefix("welltree-build-Linux-") == true)
        #expect(result.stderr.contains("::notice title=Welltree::no release at file://" + sandbox.root + "/no-releases"), "\(result)")
        let steps = report["steps"] as? [[String: String]] ?? []
        #expect(steps.map { $0["id"] ?? "" } == ["locate", "restore-archive", "restore-build"])
        #expect(steps.map { $0["outcome"] ?? "" } == ["success", "skipped", "success"])
    }
}
