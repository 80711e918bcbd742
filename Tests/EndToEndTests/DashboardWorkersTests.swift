import Foundation
import Testing

/// The dashboard spread over worker processes (`WELLTREE_JOBS`) gives exactly what one process
/// gives, reports a damaged file exactly as one process does, and fills the summary cache.
@Suite struct DashboardWorkersTests {
    /// Five workloads with different answers, so each worker's share has its own risks.
    static func prepared() throws -> Sandbox {
        let sandbox = try Sandbox()
        let answers: [(String, [String])] = [
            ("priorities", ["--select", "ops_priorities_ext_cust_needs"]),
            ("identities", ["--none"]),
            ("monitor-aws-resources", ["--select", "rel_monitor_aws_resources_monitor_resources"]),
            ("backing-up-data", ["--not-applicable", "--reason", "OUT_OF_SCOPE"]),
            ("adapt-to-changes", ["--select", "rel_adapt_to_changes_autoscale_adapt", "--notes", "Auto Scaling, \"two\" zones"]),
        ]
        for index in answers.indices {
            let name = "Service \(index + 1)"
            let created = try sandbox.welltree([
                "workload", "create", "--name", name, "--description", "A service", "--review-owner", "Ops",
                "--environment", "production", "--aws-region", "us-east-1",
            ])
            #expect(created.status == 0, "\(created)")
            for (question, options) in answers.prefix(index + 1) {
                let updated = try sandbox.welltree(["answer", "update", name, question] + options)
                #expect(updated.status == 0, "\(updated)")
            }
        }
        return sandbox
    }

    func dashboard(_ sandbox: Sandbox, jobs: Int) throws -> RunResult {
        try? FileManager.default.removeItem(atPath: sandbox.repo + "/.git/welltree/cache")
        sandbox.extraEnvironment["WELLTREE_JOBS"] = String(jobs)
        return try sandbox.welltree(["dashboard", "--format", "json"])
    }

    @Test func workersGiveWhatOneProcessGives() throws {
        let sandbox = try Self.prepared()
        let single = try dashboard(sandbox, jobs: 1)
        #expect(single.status == 0, "\(single)")
        let totals = try #require((try sandbox.json(single) as? [String: Any])?["Totals"] as? [String: Any])
        #expect(totals["Workloads"] as? Int == 5)
        for jobs in [2, 3, 8] {
            let parallel = try dashboard(sandbox, jobs: jobs)
            #expect(parallel.status == 0, "\(parallel)")
            #expect(parallel.stdout == single.stdout, "WELLTREE_JOBS=\(jobs)")
            // The workers' results went into the summary cache: a warm run agrees.
            #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/.git/welltree/cache/summaries-v3.bin"))
            let warm = try sandbox.welltree(["dashboard", "--format", "json"])
            #expect(warm.stdout == single.stdout)
        }
        let list = try sandbox.welltree(["workload", "list", "--format", "json"])
        sandbox.extraEnvironment["WELLTREE_JOBS"] = "1"
        try? FileManager.default.removeItem(atPath: sandbox.repo + "/.git/welltree/cache")
        #expect(try sandbox.welltree(["workload", "list", "--format", "json"]).stdout == list.stdout)
    }

    /// Workers hand over a workload's profile and prioritized counts in the cache's format: the
    /// same dashboard as one process, cold and warm.
    @Test func workersCarryPrioritizedCounts() throws {
        let sandbox = try Self.prepared()
        let created = try sandbox.welltree([
            "profile", "create", "--name", "Launching", "--description", "Launching services",
            "--answer", "org-cloud-adoption-phase=adoption-launch", "--answer", "welltree-business-value=value-business-critical",
            "--answer", "welltree-lifecycle-phase=lifecycle-launch", "--answer", "welltree-improvement-priorities=priority-resilience",
        ])
        #expect(created.status == 0, "\(created)")
        for name in ["Service 2", "Service 5"] { #expect(try sandbox.welltree(["profile", "associate", name, "Launching"]).status == 0) }
        let single = try dashboard(sandbox, jobs: 1)
        let rows = try #require((try sandbox.json(single) as? [String: Any])?["WorkloadSummaries"] as? [[String: Any]])
        #expect(rows.filter { $0["PrioritizedRiskCounts"] != nil }.count == 2, "\(single)")
        for jobs in [2, 3] {
            #expect(try dashboard(sandbox, jobs: jobs).stdout == single.stdout, "WELLTREE_JOBS=\(jobs)")
            #expect(try sandbox.welltree(["dashboard", "--format", "json"]).stdout == single.stdout, "warm after WELLTREE_JOBS=\(jobs)")
        }
    }

    /// The dashboard process computes the first share itself and the workers the others: a
    /// damaged file in either is reported as one process reports it, every damaged file is
    /// named, and the other workloads are shown.
    @Test(arguments: [["service-1"], ["service-4"], ["service-2", "service-5"]])
    func aDamagedAnswerIsReportedAsWithoutWorkers(damaged: [String]) throws {
        let sandbox = try Self.prepared()
        for directory in damaged {
            let path = "workloads/\(directory.prefix(2))/\(directory)/answers/wellarchitected/priorities.json"
            try "{\"selectedChoices\": [".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        }
        #expect(try sandbox.git(["commit", "-qam", "Damage answers"]).status == 0)
        let single = try dashboard(sandbox, jobs: 1)
        #expect(single.status == 2)
        for directory in damaged {
            #expect(single.stderr.contains("workloads/\(directory.prefix(2))/\(directory)/answers/wellarchitected/priorities.json"), "\(single)")
            #expect(!single.stdout.contains("\"Service \(directory.last!)\""), "\(single)")
        }
        let shown = (try sandbox.json(single) as? [String: Any])?["WorkloadSummaries"] as? [[String: Any]]
        #expect(shown?.count == 5 - damaged.count, "\(single)")
        for jobs in [2, 3] {
            let parallel = try dashboard(sandbox, jobs: jobs)
            #expect(parallel.status == 2)
            #expect(parallel.stderr == single.stderr, "WELLTREE_JOBS=\(jobs)")
            #expect(parallel.stdout == single.stdout, "WELLTREE_JOBS=\(jobs)")
        }
    }
}
