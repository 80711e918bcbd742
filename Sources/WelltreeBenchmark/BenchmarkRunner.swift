import Foundation

/// Medians of one repository size, in seconds and bytes; nil where a command is not available.
package struct SizeResult: Sendable {
    package var workloads: Int
    package var answerFiles: Int
    package var packBytes: Int
    package var coldDashboard: Double
    package var warmDashboard: Double
    package var check: Double?
    /// `check` as the first command in a fresh clone (no cache of any kind yet), as in CI.
    package var coldCheck: Double?
    /// `check` of a branch that changes one file outside the workspace's answers and lenses (a
    /// code change citing nothing), in a clone that has run commands before.
    package var codeCheck: Double?
    /// The same as the first command in a fresh clone, as in CI.
    package var coldCodeCheck: Double?
    package var status: Double
    /// The cold dashboard's largest process (`ru_maxrss`).
    package var coldPeakBytes: Int
    /// The cold dashboard's processes together: the highest sampled sum of their proportional
    /// set sizes.
    package var coldPeakTreeBytes: Int
    package var catFile: Double
    package var diff: Double
    package var python: Double
    /// With a release archive: checking it against its SHA256SUMS and unpacking it.
    package var archiveInstall: Double?
    /// With a release archive: the unpacked binary's `check` as the first command in a fresh
    /// clone (the gate's verdict in CI once the archive is there).
    package var archiveCheck: Double?
    /// Welltree's and the peer's totals, which must agree.
    package var totalsAgree: Bool
    package var totals: String
}

/// The whole benchmark: for each size, a repository is generated, cloned as a user would get it,
/// and Welltree, git and the Python peer are run on it several times.
///
/// "Cold" is the first run in a fresh clone (a new clone for every run, so no summary cache);
/// "warm" the second run in the same clone. All runs read from the operating system's file cache
/// (the repository was just written), as on a machine used every day.
///
/// The clone is what people work with: `git clone --no-local` of the generated repository once,
/// repacked with `git repack -adf` (so git, not the generator, chose the deltas, as on a server
/// after `git gc`), then a hard-linked
/// `git clone --no-checkout` of that for each cold run, and one full checkout for the peer.
package struct BenchmarkRunner {
    package var sizes: [Int]
    package var runs: Int
    package var workDirectory: String
    package var welltree: String
    /// The `welltree-bench` binary, run to generate repositories.
    package var bench: String
    /// A release archive (`scripts/release`, SHA256SUMS beside it) to time from download to
    /// verdict, or nil.
    package var archive: String?
    package var log: (String) -> Void

    package init(
        sizes: [Int], runs: Int, workDirectory: String, welltree: String, bench: String, archive: String? = nil,
        log: @escaping (String) -> Void
    ) {
        self.sizes = sizes
        self.runs = runs
        self.workDirectory = workDirectory
        self.welltree = welltree
        self.bench = bench
        self.archive = archive
        self.log = log
    }

    package func run() throws -> [SizeResult] {
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let peer = workDirectory + "/risk_counts.py"
        try PythonPeer.script.write(toFile: peer, atomically: true, encoding: .utf8)
        return try sizes.map { try measure(workloads: $0, peer: peer) }
    }

    private func measure(workloads: Int, peer: String) throws -> SizeResult {
        let base = "\(workDirectory)/n\(workloads)"
        try? FileManager.default.removeItem(atPath: base)
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        log("N = \(workloads): generating")
        let started = Clock.nanoseconds()
        // In a child process: the generator holds every object in memory until it writes the
        // pack, and a process started later by this one (posix_spawn shares the parent's memory
        // until exec) would inherit that peak in its own ru_maxrss.
        let generated = try generate(workloads: workloads, at: base + "/generated.git")
        log("N = \(workloads): generated \(generated.answerFiles) answer files in \(seconds(since: started)) s; cloning")
        let origin = base + "/origin.git"
        try ChildProcess.succeed(["git", "clone", "--quiet", "--bare", "--no-local", generated.path, origin])
        // As on a server after `git gc`: git's own delta choices, not the generator's packer's
        // (which, for one, stored the older `workloads` tree whole and the newer as its delta).
        try ChildProcess.succeed(["git", "-C", origin, "repack", "-a", "-d", "-f", "-q"])
        let checkout = base + "/checkout"
        try ChildProcess.succeed(["git", "clone", "--quiet", origin, checkout])
        let packBytes = try packSize(origin)
        try addCodeChange(origin: origin, base: base)

        var cold: [Double] = []
        var warm: [Double] = []
        var peaks: [Int] = []
        var clone = ""
        for run in 1...runs {
            clone = "\(base)/clone-\(run)"
            try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, clone])
            log("N = \(workloads): dashboard run \(run)")
            let first = try ChildProcess.succeed([welltree, "-C", clone, "dashboard"])
            cold.append(first.seconds)
            peaks.append(first.peakResidentBytes)
            warm.append(try ChildProcess.succeed([welltree, "-C", clone, "dashboard"]).seconds)
            if run < runs { try FileManager.default.removeItem(atPath: clone) }
        }

        // Memory on its own run: sampling /proc every 5 ms takes processor time the timed runs
        // should not share.
        log("N = \(workloads): dashboard memory")
        let memoryClone = "\(base)/clone-memory"
        try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, memoryClone])
        let sampled = try ChildProcess.succeed([welltree, "-C", memoryClone, "dashboard"], sampleMemory: true)
        try FileManager.default.removeItem(atPath: memoryClone)

        log("N = \(workloads): check, status, floors")
        var coldChecks: [Double] = []
        var coldCodeChecks: [Double] = []
        for run in 1...runs {
            let fresh = "\(base)/clone-check-\(run)"
            try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, fresh])
            let check = try ChildProcess.run([welltree, "-C", fresh, "check", "--base", "HEAD~1", "--format", "json"])
            if check.status == 0 || check.status == 1 { coldChecks.append(check.seconds) }
            try FileManager.default.removeItem(atPath: fresh)
            try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, fresh])
            let code = try ChildProcess.run([welltree, "-C", fresh] + Self.codeCheck)
            if code.status == 0 || code.status == 1 { coldCodeChecks.append(code.seconds) }
            try FileManager.default.removeItem(atPath: fresh)
        }
        let (archiveInstall, archiveCheck) = try measureArchive(origin: origin, base: base)
        var checks: [Double] = []
        var codeChecks: [Double] = []
        var statuses: [Double] = []
        var catFiles: [Double] = []
        var diffs: [Double] = []
        for _ in 1...runs {
            let check = try ChildProcess.run([welltree, "-C", clone, "check", "--base", "HEAD~1", "--format", "json"])
            // 0: no new risks, 1: new risks found; anything else (a usage error while the
            // command does not exist yet) means there is nothing to measure.
            if check.status == 0 || check.status == 1 { checks.append(check.seconds) }
            let code = try ChildProcess.run([welltree, "-C", clone] + Self.codeCheck)
            if code.status == 0 || code.status == 1 { codeChecks.append(code.seconds) }
            statuses.append(try ChildProcess.succeed([welltree, "-C", clone, "status", generated.sampleWorkload]).seconds)
            catFiles.append(try ChildProcess.succeed(["git", "-C", clone, "cat-file", "--batch-all-objects", "--batch"]).seconds)
            diffs.append(try ChildProcess.succeed(["git", "-C", clone, "diff", "--name-only", "HEAD~1", "HEAD"]).seconds)
        }

        var pythons: [Double] = []
        var peerOutput: [UInt8] = []
        for run in 1...max(1, min(runs, 3)) {
            log("N = \(workloads): python peer run \(run)")
            let result = try ChildProcess.succeed(["python3", peer, checkout], captureOutput: true)
            pythons.append(result.seconds)
            peerOutput = result.output
        }
        // Last: decoding the 10,000-row JSON raises this process's own peak memory (see above).
        let dashboard = try ChildProcess.succeed([welltree, "-C", clone, "dashboard", "--format", "json"], captureOutput: true)
        let (agree, totals) = try compareTotals(welltree: dashboard.output, peer: peerOutput)

        try? FileManager.default.removeItem(atPath: base)
        return SizeResult(
            workloads: workloads, answerFiles: generated.answerFiles, packBytes: packBytes,
            coldDashboard: median(cold), warmDashboard: median(warm), check: checks.count == runs ? median(checks) : nil,
            coldCheck: coldChecks.count == runs ? median(coldChecks) : nil,
            codeCheck: codeChecks.count == runs ? median(codeChecks) : nil,
            coldCodeCheck: coldCodeChecks.count == runs ? median(coldCodeChecks) : nil, status: median(statuses),
            coldPeakBytes: peaks.sorted()[peaks.count / 2], coldPeakTreeBytes: sampled.peakTreeProportionalBytes,
            catFile: median(catFiles),
            diff: median(diffs), python: median(pythons), archiveInstall: archiveInstall, archiveCheck: archiveCheck,
            totalsAgree: agree, totals: totals)
    }

    /// The gate on the branch `addCodeChange` creates, against the default branch.
    static let codeCheck = ["check", "--base", "HEAD", "--head", "origin/code-change", "--format", "json"]

    /// Adds the branch `code-change` to `origin`: the default branch's last commit plus one new
    /// file outside the workspace's answers, lenses and settings (`src/service/handler.txt`),
    /// as a pull request that changes code and cites nothing would.
    private func addCodeChange(origin: String, base: String) throws {
        let work = base + "/code-change"
        try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, work])
        let file = base + "/handler.txt"
        try "func handle() {}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let git = ["git", "-C", work, "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
        try ChildProcess.succeed(git + ["read-tree", "HEAD"])
        let blob = try ChildProcess.succeed(git + ["hash-object", "-w", file], captureOutput: true).text
        try ChildProcess.succeed(git + ["update-index", "--add", "--cacheinfo", "100644,\(blob),src/service/handler.txt"])
        let tree = try ChildProcess.succeed(git + ["write-tree"], captureOutput: true).text
        let commit = try ChildProcess.succeed(git + ["commit-tree", tree, "-p", "HEAD", "-m", "Change code only"], captureOutput: true).text
        try ChildProcess.succeed(git + ["push", "--quiet", "origin", "\(commit):refs/heads/code-change"])
        try FileManager.default.removeItem(atPath: work)
        try FileManager.default.removeItem(atPath: file)
    }

    /// A release archive as the GitHub Action uses it on a runner: its SHA-256 compared with
    /// SHA256SUMS and `tar -xzf` into a new directory (timed on its own), then, from the
    /// unpacked archive, the gate's verdict: the binary's `check --base HEAD~1` as the first
    /// command in a fresh clone. The clone itself is git's time (actions/checkout), not counted.
    private func measureArchive(origin: String, base: String) throws -> (Double?, Double?) {
        guard let archive else { return (nil, nil) }
        let directory = URL(fileURLWithPath: archive).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: archive).lastPathComponent
        guard name.hasSuffix(".tar.gz") else { throw GeneratorError("\(archive) is not a .tar.gz release archive") }
        let sums = (try? String(contentsOfFile: directory + "/SHA256SUMS", encoding: .utf8)) ?? ""
        var expected: String?
        for line in sums.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.count == 2 && fields[1] == name { expected = fields[0] }
        }
        guard let expected else { throw GeneratorError("no SHA256SUMS beside \(archive) naming it") }
        var installs: [Double] = []
        var checks: [Double] = []
        for run in 1...runs {
            log("release archive: run \(run)")
            let prefix = "\(base)/archive-\(run)"
            let fresh = "\(base)/clone-archive-\(run)"
            try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
            try ChildProcess.succeed(["git", "clone", "--quiet", "--no-checkout", origin, fresh])
            let verify = try ChildProcess.succeed(["sha256sum", archive], captureOutput: true)
            guard String(decoding: verify.output, as: UTF8.self).split(separator: " ").first.map(String.init) == expected else {
                throw GeneratorError("\(archive) does not match its SHA256SUMS")
            }
            let unpack = try ChildProcess.succeed(["tar", "-xzf", archive, "-C", prefix, "--strip-components=1"])
            installs.append(verify.seconds + unpack.seconds)
            let check = try ChildProcess.run([prefix + "/bin/welltree", "-C", fresh, "check", "--base", "HEAD~1", "--format", "json"])
            guard check.status == 0 || check.status == 1 else {
                throw GeneratorError("the archive's welltree check exited \(check.status)")
            }
            checks.append(check.seconds)
            try FileManager.default.removeItem(atPath: prefix)
            try FileManager.default.removeItem(atPath: fresh)
        }
        return (median(installs), median(checks))
    }

    /// Runs `welltree-bench generate` and reads what it printed.
    private func generate(workloads: Int, at path: String) throws -> GeneratedRepository {
        let result = try ChildProcess.succeed([bench, "generate", path, "--workloads", String(workloads)], captureOutput: true)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        func value(_ key: String) -> String? {
            lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
        }
        guard let files = value("answer files").flatMap(Int.init), let changedPath = value("changed file"),
            let changedWorkload = value("changed workload")
        else {
            throw GeneratorError("cannot read the output of welltree-bench generate: \(lines)")
        }
        return GeneratedRepository(
            path: path, workloads: workloads, answerFiles: files, changedWorkload: changedWorkload, changedPath: changedPath,
            sampleWorkload: changedWorkload)
    }

    /// Whether the dashboard's `Totals` equal the peer's, and the totals as text.
    private func compareTotals(welltree: [UInt8], peer: [UInt8]) throws -> (Bool, String) {
        // Only the `Totals` object is decoded (numbers only, so braces need no string handling):
        // decoding all 10,000 rows would raise this process's peak memory for nothing.
        let key = Array("\"Totals\": {".utf8)
        guard let start = welltree.indices.first(where: { welltree[$0...].starts(with: key) }) else {
            throw GeneratorError("the dashboard's JSON has no Totals")
        }
        var depth = 0
        var end = start + key.count - 1
        repeat {
            if welltree[end] == UInt8(ascii: "{") { depth += 1 }
            if welltree[end] == UInt8(ascii: "}") { depth -= 1 }
            end += 1
        } while depth > 0 && end < welltree.count
        guard let ours = try JSONSerialization.jsonObject(with: Data(welltree[(start + key.count - 1)..<end])) as? [String: Any],
            let theirs = try JSONSerialization.jsonObject(with: Data(peer)) as? [String: Any]
        else {
            throw GeneratorError("cannot read the totals of welltree or of the peer")
        }
        let keys = ["Workloads", "WorkloadsWithHighRisks", "WorkloadsWithMediumRisks"]
        var agree = keys.allSatisfy { (ours[$0] as? Int) == (theirs[$0] as? Int) }
        // Welltree leaves zero counts out, as the service does; the peer writes every risk.
        let ourCounts = ours["RiskCounts"] as? [String: Int] ?? [:]
        let theirCounts = (theirs["RiskCounts"] as? [String: Int] ?? [:]).filter { $0.value != 0 }
        agree = agree && !ourCounts.isEmpty && ourCounts == theirCounts
        let text = ["HIGH", "MEDIUM", "NONE", "NOT_APPLICABLE", "UNANSWERED"].map { "\($0) \(ourCounts[$0] ?? 0)" }
            .joined(separator: ", ")
        return (agree, text)
    }

    private func packSize(_ repository: String) throws -> Int {
        let directory = repository + "/objects/pack"
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".pack") }
            .reduce(0) { total, name in
                total + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
            }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func seconds(since start: UInt64) -> String {
        String(format: "%.1f", Double(Clock.nanoseconds() - start) / 1e9)
    }
}
