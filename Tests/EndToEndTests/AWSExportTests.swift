import Foundation
import Testing

/// `welltree export aws W DIR`: the requests in the API's input shapes (botocore's own validator
/// judges them), `apply.sh` run against a stand-in for the AWS CLI that records its calls and
/// answers as the service does (`Tests/Tools/fake-aws.py`), and the round trip: the export of an
/// imported dump, applied and dumped again with `scripts/aws-export`, imports as the same files.
@Suite("export aws")
struct AWSExportTests {
    static let dump = PythonTools.sourceRoot + "/Tests/WelltreeAWSTests/Fixtures/dump"
    static let workloadId = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let workload = "Checkout Platform"

    /// The stand-in for `aws` on PATH, with its state and call log.
    struct FakeAWS {
        let directory: String
        var state: String { directory + "/state.json" }
        var log: String { directory + "/calls.jsonl" }

        init(in sandbox: Sandbox) throws {
            directory = sandbox.root + "/fake-aws-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
            let script = "#!/bin/sh\nexec python3 '\(PythonTools.sourceRoot)/Tests/Tools/fake-aws.py' \"$@\"\n"
            try script.write(toFile: directory + "/bin/aws", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/bin/aws")
        }

        /// Runs a program with the stand-in first on PATH.
        func run(_ program: String, _ arguments: [String] = [], in directory: String? = nil) throws -> RunResult {
            let path = self.directory + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            return try Run.program(
                program, arguments, in: directory, environment: ["PATH": path, "FAKE_AWS_STATE": state, "FAKE_AWS_LOG": log])
        }

        /// Every call so far: the CLI command, its arguments and the request it sent.
        func calls() throws -> [(command: String, arguments: [String], input: [String: Any])] {
            guard FileManager.default.fileExists(atPath: log) else { return [] }
            return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return (
                    object["command"] as? String ?? "", object["arguments"] as? [String] ?? [], object["input"] as? [String: Any] ?? [:]
                )
            }
        }

        /// The service's state: workloads and lenses by id.
        func service() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: state))) as? [String: Any])
        }
    }

    /// A sandbox with the fixture dump imported.
    static func imported() throws -> Sandbox {
        let sandbox = try Sandbox()
        let result = try sandbox.welltree(["import", "aws", dump])
        try #require(result.status == 0, "\(result)")
        return sandbox
    }

    /// Exports and returns the JSON output's requests (file, operation).
    static func export(_ sandbox: Sandbox, to directory: String, _ extra: [String] = [], workload: String = AWSExportTests.workload) throws
        -> [(
            file: String, operation: String
        )]
    {
        let result = try sandbox.welltree(["export", "aws", workload, directory, "--format", "json"] + extra)
        try #require(result.status == 0, "\(result)")
        let output = try #require(try sandbox.json(result) as? [String: Any])
        let requests = try #require(output["Requests"] as? [[String: Any]])
        return requests.map { ($0["File"] as? String ?? "", $0["Operation"] as? String ?? "") }
    }

    /// The CLI command of an operation (`CreateWorkload` -> `create-workload`).
    static func command(_ operation: String) -> String {
        operation.reduce(into: "") { text, character in
            if character.isUppercase, !text.isEmpty { text += "-" }
            text += character.lowercased()
        }
    }

    @Test(.enabled(if: Botocore.python != nil, Botocore.skipMessage))
    func everyRequestPassesBotocoresParameterValidation() throws {
        let sandbox = try Self.imported()
        let directory = sandbox.root + "/export"
        let requests = try Self.export(sandbox, to: directory)
        // Every operation the export speaks appears: the fixture has a custom lens that moves to
        // a new version, tags that change, lens and pillar notes, and shares with AWS accounts.
        #expect(
            Set(requests.map(\.operation)) == [
                "ImportLens", "CreateLensVersion", "CreateWorkload", "AssociateLenses", "UpdateAnswer", "CreateMilestone", "UpdateWorkload",
                "TagResource", "UpdateLensReview", "UpgradeLensReview", "CreateWorkloadShare",
            ])
        let results = try Botocore.validate(requests.map { ($0.operation, directory + "/" + $0.file) })
        #expect(results.count == requests.count)
        for result in results { #expect(result.problems.isEmpty, "\(result.file): \(result.problems)") }
    }

    @Test func applyShSendsTheRequestsInOrderAndThreadsTheServicesIds() throws {
        let sandbox = try Self.imported()
        let directory = sandbox.root + "/export"
        let requests = try Self.export(sandbox, to: directory)
        #expect(
            requests.map(\.file)
                == requests.indices.map { String(format: "requests/%03d-", $0 + 1) + Self.command(requests[$0].operation) + ".json" })
        let fake = try FakeAWS(in: sandbox)
        let run = try fake.run(directory + "/apply.sh", in: sandbox.root)
        try #require(run.status == 0, "\(run)")

        let calls = try fake.calls()
        #expect(calls.map(\.command) == requests.map { Self.command($0.operation) })
        for (call, request) in zip(calls, requests) {
            #expect(call.arguments.contains("file://" + request.file), "\(call.arguments)")
        }
        let service = try fake.service()
        let workloads = try #require(service["workloads"] as? [String: Any])
        let newId = try #require(workloads.keys.first)
        #expect(workloads.count == 1 && newId != Self.workloadId)
        let newArn = try #require((workloads[newId] as? [String: Any])?["WorkloadArn"] as? String)
        let lenses = try #require(service["lenses"] as? [String: Any])
        let lensArn = try #require(lenses.keys.first)
        #expect(lenses.count == 1)

        // The workload id and ARN and the lens's ARN the service assigned reach every later call.
        let created = try #require(calls.firstIndex { $0.command == "create-workload" })
        for call in calls[(created + 1)...] {
            switch call.command {
            case "import-lens", "create-lens-version":
                #expect(call.input["LensAlias"] as? String == lensArn)
            case "tag-resource", "untag-resource":
                #expect(call.input["WorkloadArn"] as? String == newArn)
            default:
                #expect(call.input["WorkloadId"] as? String == newId, "\(call.command)")
            }
            if call.command == "update-answer" || call.command == "update-lens-review" || call.command == "upgrade-lens-review" {
                let alias = try #require(call.input["LensAlias"] as? String)
                #expect(alias == "wellarchitected" || alias == lensArn, "\(call.command) \(alias)")
            }
        }
        #expect(calls.first?.command == "import-lens" && calls.first?.input["LensAlias"] == nil)
        #expect((calls.filter { $0.command == "associate-lenses" }.first?.input["LensAliases"] as? [String]) == [lensArn])
        // The history replays in order: three milestones, the second by the lens upgrade.
        let workload = try #require(workloads[newId] as? [String: Any])
        let milestones = try #require(workload["milestones"] as? [[String: Any]])
        #expect(
            milestones.map { $0["MilestoneName"] as? String ?? "" } == ["Initial review", "After payments hardening", "Checkout lens 2.0"])
        #expect(
            calls.filter { $0.command == "upgrade-lens-review" }.map { $0.input["MilestoneName"] as? String } == [
                "After payments hardening"
            ])

        // A second run (after a failure, say) sends the same tokens: nothing is created twice.
        let again = try fake.run(directory + "/apply.sh", in: sandbox.root)
        try #require(again.status == 0, "\(again)")
        let after = try fake.service()
        #expect((after["workloads"] as? [String: Any])?.count == 1)
        #expect((after["lenses"] as? [String: Any])?.count == 1)
        let milestonesAfter = ((after["workloads"] as? [String: Any])?[newId] as? [String: Any])?["milestones"] as? [Any]
        #expect(milestonesAfter?.count == 3)
    }

    @Test func aDumpOfTheAppliedExportImportsAsTheSameFiles() throws {
        let sandbox = try Self.imported()
        let paths = try Self.roundTrip(
            sandbox, workload: Self.workload, id: Self.workloadId, directory: "workloads/ch/checkout-platform",
            lensFiles: ["lenses/checkout-review/versions/1.0.json", "lenses/checkout-review/versions/2.0.json"],
            lenses: ["wellarchitected", "checkout-review"], milestones: 3)
        #expect(paths.contains("notes/wellarchitected.json"))
        #expect(paths.contains("answers/checkout-review/pay_tokens.json"))
    }

    @Test func aWorkloadReviewedInWelltreeComesBackAsTheSameFiles() throws {
        let sandbox = try Sandbox()
        let w = "Storefront Web"
        var steps: [[String]] = [
            [
                "workload", "create", "--name", w, "--description", "Online storefront", "--review-owner", "Jane Doe",
                "--environment", "preproduction", "--aws-region", "us-east-1", "--tag", "team=web", "--account-id", "123456789012",
            ],
            [
                "answer", "update", w, "priorities", "--select", "ops_priorities_ext_cust_needs,ops_priorities_int_cust_needs", "--notes",
                "Quarterly",
            ],
            [
                "answer", "update", w, "backing-up-data", "--select", "rel_backing_up_data_identified_backups_data",
                "--choice-na", "rel_backing_up_data_periodic_recovery_testing_data:BUSINESS_PRIORITIES:Restore drills next quarter",
            ],
            ["lens", "notes", w, "wellarchitected", "--notes", "First pass with the platform team"],
            ["lens", "notes", w, "wellarchitected", "--pillar", "reliability", "--notes", "Backups are the platform team's"],
            ["milestone", "create", w, "First review"],
        ]
        steps += [
            ["answer", "update", w, "priorities", "--none"],
            ["answer", "update", w, "backing-up-data", "--select", "rel_backing_up_data_identified_backups_data"],
            ["answer", "update", w, "sus_hardware", "--not-applicable", "--reason", "out_of_scope", "--notes", "No hardware of our own"],
            ["lens", "notes", w, "wellarchitected", "--pillar", "reliability", "--notes", ""],
            ["workload", "update", w, "--improvement-status", "in-progress", "--tag", "stage=beta"],
            ["milestone", "create", w, "Second review"],
            ["answer", "update", w, "identities", "--select", "sec_identities_unique"],
        ]
        for step in steps {
            let result = try sandbox.welltree(step)
            try #require(result.status == 0, "\(step): \(result)")
        }
        let id = try #require(
            (try sandbox.json(try sandbox.welltree(["workload", "show", w, "--format", "json"])) as? [String: Any])
                .flatMap { ($0["Workload"] as? [String: Any])?["WorkloadId"] as? String })
        let directory = try #require(try Self.files(sandbox.repo + "/workloads").first { $0.hasSuffix("/workload.json") })
        let paths = try Self.roundTrip(
            sandbox, workload: w, id: id, directory: "workloads/" + String(directory.dropLast("/workload.json".count)), lensFiles: [],
            lenses: ["wellarchitected"], milestones: 2)
        #expect(paths.contains("notes/wellarchitected.json") && paths.contains("answers/wellarchitected/sus_hardware.json"))
    }

    /// Evidence has no field in the service: it travels in the answer's notes, as a block the
    /// import reads back, so the round trip gives the same answer files, citations and their
    /// recorded ids included (in the new repository they are then checked like any citation:
    /// `welltree evidence` reports them missing until the cited files are there).
    @Test func citedEvidenceComesBackThroughTheNotes() throws {
        let sandbox = try Sandbox()
        let w = "Payments"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/infra", withIntermediateDirectories: true)
        try "resource \"aws_backup_plan\" \"nightly\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "infra"]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Backup plan"]).status == 0)
        let steps: [[String]] = [
            [
                "workload", "create", "--name", w, "--description", "Payments API", "--review-owner", "Jane Doe",
                "--environment", "production", "--aws-region", "us-east-1",
            ],
            [
                "answer", "update", w, "backing-up-data", "--select", "rel_backing_up_data_automated_backups_data", "--notes", "Nightly",
                "--evidence", "infra/backup.tf", "--evidence", "rel_backing_up_data_automated_backups_data=infra/backup.tf:1",
                "--evidence", "https://runbooks.example.com/backups",
            ],
            ["milestone", "create", w, "With evidence"],
            ["answer", "update", w, "priorities", "--select", "ops_priorities_ext_cust_needs", "--evidence", "infra"],
        ]
        for step in steps {
            let result = try sandbox.welltree(step)
            try #require(result.status == 0, "\(step): \(result)")
        }
        let id = try #require(
            (try sandbox.json(try sandbox.welltree(["workload", "show", w, "--format", "json"])) as? [String: Any])
                .flatMap { ($0["Workload"] as? [String: Any])?["WorkloadId"] as? String })
        let directory = try #require(try Self.files(sandbox.repo + "/workloads").first { $0.hasSuffix("/workload.json") })
        let workloadDirectory = "workloads/" + String(directory.dropLast("/workload.json".count))
        let paths = try Self.roundTrip(
            sandbox, workload: w, id: id, directory: workloadDirectory, lensFiles: [], lenses: ["wellarchitected"], milestones: 1)
        #expect(paths.contains("answers/wellarchitected/backing-up-data.json"))
        let answer = try sandbox.read(workloadDirectory + "/answers/wellarchitected/backing-up-data.json")
        #expect(answer.contains("\"url\": \"https://runbooks.example.com/backups\"") && answer.contains("\"notes\": \"Nightly\""), "\(answer)")

        // What the service holds: the notes, then the block, which the report announces.
        let fakeDirectory = try #require(try FileManager.default.contentsOfDirectory(atPath: sandbox.root).first { $0.hasPrefix("fake-aws-") })
        let log = try String(contentsOfFile: sandbox.root + "/" + fakeDirectory + "/calls.jsonl", encoding: .utf8)
        let sent = try log.split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }.filter { $0["command"] as? String == "update-answer" }.compactMap { $0["input"] as? [String: Any] }
            .filter { $0["QuestionId"] as? String == "backing-up-data" }
        let notes = try #require(sent.last?["Notes"] as? String)
        #expect(notes.hasPrefix("Nightly\n\n[Welltree evidence: do not edit these lines]\n"), "\(notes)")
        #expect(notes.hasSuffix("\n[End of Welltree evidence]"), "\(notes)")
        let report = try sandbox.welltree(["export", "aws", w, sandbox.root + "/export-again"])
        #expect(report.status == 0, "\(report)")
        #expect(report.stdout.contains("the evidence answers cite travels in their Notes") || report.stderr.contains("the evidence answers cite travels in their Notes"), "\(report)")
    }

    /// Exports the workload, applies the export to the stand-in service, dumps the new workload
    /// with `scripts/aws-export` and imports the dump into a new repository; expects the same
    /// files, byte for byte apart from what the service assigns (the workload id and the times,
    /// which the service records its own), the same milestones and each milestone's answers the
    /// same. Returns the workload's files.
    static func roundTrip(
        _ sandbox: Sandbox, workload: String, id: String, directory workloadDirectory: String, lensFiles: [String], lenses: [String],
        milestones count: Int
    ) throws -> [String] {
        let directory = sandbox.root + "/export"
        _ = try Self.export(sandbox, to: directory, workload: workload)
        let fake = try FakeAWS(in: sandbox)
        let applied = try fake.run(directory + "/apply.sh", in: sandbox.root)
        try #require(applied.status == 0, "\(applied)")
        let newId = try #require((try fake.service()["workloads"] as? [String: Any])?.keys.first)
        let dump = sandbox.root + "/dump-again"
        let exported = try fake.run(PythonTools.sourceRoot + "/scripts/aws-export", [newId, dump], in: sandbox.root)
        try #require(exported.status == 0, "\(exported)")

        let second = try Sandbox()
        let imported = try second.welltree(["import", "aws", dump])
        try #require(imported.status == 0, "\(imported)")

        let paths = try Self.files(sandbox.repo + "/" + workloadDirectory)
        #expect(try Self.files(second.repo + "/" + workloadDirectory) == paths)
        for path in paths.map({ workloadDirectory + "/" + $0 }) + lensFiles {
            let original = try sandbox.read(path)
            let again = try second.read(path)
            #expect(Self.withoutAssigned(again).replacingOccurrences(of: newId, with: id) == Self.withoutAssigned(original), "\(path)")
        }
        let milestones = { (s: Sandbox) throws -> [String] in
            let list = try s.welltree(["milestone", "list", workload, "--format", "json"])
            let object = try #require(try s.json(list) as? [String: Any])
            return (object["MilestoneSummaries"] as? [[String: Any]] ?? []).map {
                "\($0["MilestoneNumber"] ?? "") \($0["MilestoneName"] ?? "")"
            }
        }
        #expect(try milestones(sandbox).count == count)
        #expect(try milestones(second) == milestones(sandbox))
        for number in (1...count).map(String.init) {
            for lens in lenses {
                let answers = { (s: Sandbox) throws -> String in
                    let result = try s.welltree(["answer", "list", workload, "--lens", lens, "--milestone", number, "--format", "json"])
                    #expect(result.status == 0, "\(result)")
                    return Self.withoutAssigned(result.stdout)
                }
                #expect(try answers(second).replacingOccurrences(of: newId, with: id) == answers(sandbox), "milestone \(number) \(lens)")
            }
        }
        return paths
    }

    @Test func aMilestoneIsExportedAsItsStateAlone() throws {
        let sandbox = try Self.imported()
        let directory = sandbox.root + "/export"
        let requests = try Self.export(sandbox, to: directory, ["--milestone", "2"])
        let operations = requests.map(\.operation)
        #expect(
            !operations.contains("CreateMilestone") && !operations.contains("UpgradeLensReview")
                && !operations.contains("CreateWorkloadShare"))
        #expect(operations.prefix(3) == ["ImportLens", "CreateLensVersion", "CreateWorkload"])
        #expect(operations.filter { $0 == "AssociateLenses" }.count == 1 && operations.filter { $0 == "ImportLens" }.count == 1)
        // Milestone 2 has the sustainability question marked not applicable.
        let files = requests.filter { $0.operation == "UpdateAnswer" }.map { directory + "/" + $0.file }
        let bodies = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(
            bodies.contains {
                $0.contains("\"QuestionId\": \"sus_hardware\"") && $0.contains("\"IsApplicable\": false")
                    && $0.contains("\"Reason\": \"OUT_OF_SCOPE\"")
            })
        let create = try String(contentsOfFile: directory + "/" + requests[2].file, encoding: .utf8)
        // The workload as milestone 2 recorded it, not as it is now.
        #expect(create.contains("\"Description\": \"Payments and order fulfilment of the web shop\""), "\(create)")
        #expect(create.contains("\"team\": \"checkout\"") && !create.contains("cost-center"), "\(create)")
    }

    @Test func refusesADirectoryThatIsNotEmptyAndWritesNothing() throws {
        let sandbox = try Self.imported()
        let directory = sandbox.root + "/export"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "keep".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try sandbox.welltree(["export", "aws", Self.workload, directory])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("exists and is not empty"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["notes.txt"])
        // A file where the directory would go.
        let file = sandbox.root + "/a-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let onFile = try sandbox.welltree(["export", "aws", Self.workload, file])
        #expect(onFile.status == 2 && onFile.stderr.contains("is not a directory"), "\(onFile)")
        // An empty directory is taken, and nothing is left beside it.
        let empty = sandbox.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(try sandbox.welltree(["export", "aws", Self.workload, empty]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).sorted() == ["apply.sh", "requests"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root).allSatisfy { !$0.hasPrefix(".welltree-export") })
    }

    @Test func textFromTheRepositoryNeverReachesTheShell() throws {
        let sandbox = try Sandbox()
        let name = "Shop $(touch pwned) `touch pwned2` ' \" ;|&"
        let created = try sandbox.welltree([
            "workload", "create", "--name", name, "--description", "Desc $(touch pwned3)", "--review-owner", "O'Brien",
            "--environment", "production", "--tag", "team=$(touch pwned4)",
        ])
        try #require(created.status == 0, "\(created)")
        let directory = sandbox.root + "/export"
        let result = try sandbox.welltree(["export", "aws", name, directory])
        try #require(result.status == 0, "\(result)")
        let script = try String(contentsOfFile: directory + "/apply.sh", encoding: .utf8)
        #expect(!script.contains("pwned") && !script.contains("Brien"))
        let fake = try FakeAWS(in: sandbox)
        let run = try fake.run(directory + "/apply.sh", in: sandbox.root)
        try #require(run.status == 0, "\(run)")
        for file in ["pwned", "pwned2", "pwned3", "pwned4"] {
            #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/" + file))
            #expect(!FileManager.default.fileExists(atPath: directory + "/" + file))
        }
        // The name reaches the service exactly as written.
        let create = try #require(try fake.calls().first { $0.command == "create-workload" })
        #expect(create.input["WorkloadName"] as? String == name)
        #expect((create.input["Tags"] as? [String: String]) == ["team": "$(touch pwned4)"])
    }

    @Test func aHandEditedWorkloadIdNeverReachesTheScript() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let listed = try sandbox.git(["ls-files", "*/workload.json"]).stdout.split(separator: "\n").map(String.init)
        let path = try #require(listed.first)
        let original = try sandbox.read(path)
        let id = try #require(original.firstMatch(of: /"id": "([0-9a-f]{32})"/)?.1)
        let hostile = original.replacingOccurrences(of: "\"id\": \"\(id)\"", with: #""id": "\#(id)\ntouch pwned #""#)
        try hostile.write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "hand edit"]).status == 0)
        let directory = sandbox.root + "/export"
        let result = try sandbox.welltree(["export", "aws", "Retail Website - North America", directory])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("\(path): id") && result.stderr.contains("32 lowercase hexadecimal digits"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    /// Relative paths of the files below `directory`, sorted.
    static func files(_ directory: String) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory))
        var result: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// `text` without the lines of times the service assigns (`createdAt`, `updatedAt`,
    /// `UpdatedAt`, `RecordedAt`).
    static func withoutAssigned(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !["\"createdAt\"", "\"updatedAt\"", "\"UpdatedAt\"", "\"RecordedAt\""].contains { line.contains($0) } }
            .joined(separator: "\n")
    }
}
