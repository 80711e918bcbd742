import Foundation
import Testing

/// `welltree import aws DIR` on the fixture dump (Tests/WelltreeAWSTests/Fixtures): what it
/// writes, and the dump as untrusted input that must not get around any rule of the workspace.
@Suite("import aws")
struct AWSImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WelltreeAWSTests/Fixtures").path
    static let workloadId = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let customArn = "arn:aws:wellarchitected:eu-west-1:111122223333:lens/7c1f0e2d9a8b4c3d2e1f0a9b8c7d6e5f"

    /// A copy of the fixture dump (with `overlay`'s files laid over it) in the sandbox, to edit.
    static func dump(in sandbox: Sandbox, overlay: String? = nil) throws -> String {
        let target = sandbox.root + "/dump"
        try FileManager.default.copyItem(atPath: fixtures + "/dump", toPath: target)
        if let overlay {
            let source = fixtures + "/" + overlay
            for case let path as String in try #require(FileManager.default.enumerator(atPath: source)) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: source + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                try? FileManager.default.removeItem(atPath: target + "/" + path)
                try FileManager.default.copyItem(atPath: source + "/" + path, toPath: target + "/" + path)
            }
        }
        return target
    }

    /// Changes one JSON document of a dump.
    static func edit(_ file: String, _ change: (inout [String: Any]) -> Void) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: file))
    }

    /// Everything an import could write: the branch, the tags, the shares ref.
    static func references(_ sandbox: Sandbox) throws -> String {
        try sandbox.git(["for-each-ref", "--format=%(refname) %(objectname)"]).stdout
    }

    /// An import that is refused writes nothing, with exit status 2.
    static func expectRefused(_ sandbox: Sandbox, _ dump: String, mentioning texts: [String]) throws {
        let before = try references(sandbox)
        let result = try sandbox.welltree(["import", "aws", dump])
        #expect(result.status == 2, "\(result)")
        for text in texts { #expect(result.stderr.contains(text), "expected \(text) in \(result.stderr)") }
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B }, "raw escape in \(result.stderr)")
        #expect(try references(sandbox) == before)
        #expect(try sandbox.porcelainStatus().isEmpty)
    }

    @Test func importsTheWorkloadWithItsHistoryLensesAndInvitations() throws {
        let sandbox = try Sandbox()
        let head = try #require(try sandbox.commit())
        let result = try sandbox.welltree(["import", "aws", try Self.dump(in: sandbox)])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported workload Checkout Platform (\(Self.workloadId))"), "\(result.stdout)")

        // One commit per milestone and one for the present, on the commit before.
        let log = try sandbox.git(["log", "--format=%s", "\(head)..HEAD"]).stdout.split(separator: "\n")
        #expect(log.count == 4, "\(log)")
        #expect(log.first?.hasSuffix("the present state") == true)

        // The workload keeps its id, properties and tags.
        let shown = try #require(try sandbox.json(try sandbox.welltree(["workload", "show", Self.workloadId, "--format", "json"])) as? [String: Any])
        let workload = try #require(shown["Workload"] as? [String: Any])
        #expect(workload["WorkloadId"] as? String == Self.workloadId)
        #expect(workload["WorkloadName"] as? String == "Checkout Platform")
        #expect(workload["ReviewOwner"] as? String == "Dana Reviewer")
        #expect(workload["Tags"] as? [String: String] == ["team": "checkout", "cost-center": "4711"])

        // The milestones, in order, each the state it recorded.
        let listed = try #require(try sandbox.json(try sandbox.welltree(["milestone", "list", Self.workloadId, "--format", "json"])) as? [String: Any])
        let summaries = try #require(listed["MilestoneSummaries"] as? [[String: Any]])
        #expect(summaries.compactMap { $0["MilestoneNumber"] as? Int } == [1, 2, 3])
        let tags = try sandbox.git(["tag", "-l", "welltree/*"]).stdout.split(separator: "\n")
        #expect(tags.count == 3)

        // Lens and pillar notes (GetLensReview), as `lens notes` reads them, now and in milestone 2.
        let status = try sandbox.welltree(["status", Self.workloadId, "--format", "json"])
        #expect(status.stdout.contains("\"Notes\": \"Second pass after the payments incident\""), "\(status.stdout)")
        #expect(status.stdout.contains("Backups verified in March"), "\(status.stdout)")
        let then = try sandbox.welltree(["status", Self.workloadId, "--lens", "checkout-review", "--milestone", "2", "--format", "json"])
        #expect(then.stdout.contains("PCI scope reduced to the vault"), "\(then)")
        #expect(!result.stdout.contains("notes are not imported"), "\(result.stdout)")

        // The custom lens, published with the versions the workload used.
        let lenses = try #require(try sandbox.json(try sandbox.welltree(["lens", "list", "--format", "json"])) as? [String: Any])
        let custom = try #require((lenses["LensSummaries"] as? [[String: Any]])?.first { $0["LensType"] as? String == "CUSTOM_SELF" })
        #expect(custom["LensVersion"] as? String == "2.0")

        // The shares, as pending invitations.
        let shares = try sandbox.git(["show", "refs/welltree/shares:workloads/\(Self.workloadId).json"]).stdout
        #expect(shares.contains("444455556666") && shares.contains("777788889999"))
        #expect(shares.contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))

        // What was written is what validate accepts.
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 0, "\(validate)")
        #expect(try sandbox.porcelainStatus().isEmpty)
        #expect(try sandbox.fsckIsClean())

        // The same dump again: the workload exists; nothing changes.
        try Self.expectRefused(sandbox, sandbox.root + "/dump", mentioning: ["exists already"])
    }

    @Test func reportsWhereTheServicesRiskDiffersInTextAndJSON() throws {
        let sandbox = try Sandbox()
        let dump = try Self.dump(in: sandbox, overlay: "risk-differs")
        let copy = try sandbox.copy()
        let text = try sandbox.welltree(["import", "aws", dump])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Risks that differ between the AWS Well-Architected Tool and Welltree"), "\(text.stdout)")
        #expect(text.stdout.contains("identities"))

        let json = try copy.welltree(["import", "aws", dump.replacingOccurrences(of: sandbox.root, with: copy.root), "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let document = try #require(try copy.json(json) as? [String: Any])
        let differences = try #require(document["RiskDifferences"] as? [[String: Any]])
        #expect(differences.contains { $0["QuestionId"] as? String == "identities" && $0["MilestoneNumber"] == nil })
        #expect(differences.contains { $0["QuestionId"] as? String == "pay_tokens" && $0["MilestoneNumber"] as? Int == 1 })
        for difference in differences { #expect(difference["AwsRisk"] as? String != difference["WelltreeRisk"] as? String) }
        #expect((document["AnswersCompared"] as? Int ?? 0) > differences.count)
        #expect(document["LensAliases"] as? [String: String] != nil)
    }

    @Test func inputNotInTheAPIsShapesIsRefusedWithItsFileAndPath() throws {
        let sandbox = try Sandbox()
        let dump = try Self.dump(in: sandbox)
        try Self.edit(dump + "/lenses/wellarchitected/answers/priorities.json") { object in
            var answer = object["Answer"] as? [String: Any] ?? [:]
            answer["Risk"] = "SEVERE"
            object["Answer"] = answer
        }
        try Self.expectRefused(sandbox, dump, mentioning: ["lenses/wellarchitected/answers/priorities.json", "Answer.Risk", "SEVERE"])
    }

    /// A stranger who controls the dump: names with terminal escapes, ids that are paths, files
    /// that are links out of the dump, documents of any size. Each is refused with nothing written.
    @Test func aHostileDumpIsRefusedAndNothingIsWritten() throws {
        let sandbox = try Sandbox()

        let escaped = try Self.dump(in: sandbox)
        try Self.edit(escaped + "/get-workload.json") { object in
            var workload = object["Workload"] as? [String: Any] ?? [:]
            workload["WorkloadName"] = "Checkout\u{1B}]52;c;ZWNobyBoaQ==\u{07} Platform"
            object["Workload"] = workload
        }
        try Self.expectRefused(sandbox, escaped, mentioning: ["get-workload.json", "U+001B"])
        try FileManager.default.removeItem(atPath: escaped)

        let traversal = try Self.dump(in: sandbox)
        try Self.edit(traversal + "/get-workload.json") { object in
            var workload = object["Workload"] as? [String: Any] ?? [:]
            workload["WorkloadId"] = "../../../etc"
            object["Workload"] = workload
        }
        try Self.expectRefused(sandbox, traversal, mentioning: ["WorkloadId", "../../../etc"])
        try FileManager.default.removeItem(atPath: traversal)

        let linked = try Self.dump(in: sandbox)
        let answer = linked + "/lenses/wellarchitected/answers/priorities.json"
        try FileManager.default.removeItem(atPath: answer)
        try FileManager.default.createSymbolicLink(atPath: answer, withDestinationPath: sandbox.repo + "/welltree.json")
        try Self.expectRefused(sandbox, linked, mentioning: ["priorities.json", "symbolic link"])
        try FileManager.default.removeItem(atPath: linked)

        let large = try Self.dump(in: sandbox)
        try Data(repeating: 0x20, count: 4 * 1024 * 1024 + 1).write(to: URL(fileURLWithPath: large + "/list-milestones.json"))
        try Self.expectRefused(sandbox, large, mentioning: ["list-milestones.json"])
        try FileManager.default.removeItem(atPath: large)

        // A share with a principal Welltree's own `share create` refuses.
        let principal = try Self.dump(in: sandbox)
        try Self.edit(principal + "/list-workload-shares.json") { object in
            var shares = object["WorkloadShareSummaries"] as? [[String: Any]] ?? []
            shares[0]["SharedWith"] = "group:\u{202E}admins"
            object["WorkloadShareSummaries"] = shares
        }
        try Self.expectRefused(sandbox, principal, mentioning: ["\\u{202E}"])
    }

    /// Another workload's owner: the dump carries the id of a workload the repository has. The
    /// import must not replace it, add milestones to it or take its shares.
    @Test func aDumpCannotTakeOverAnotherWorkload() throws {
        let sandbox = try Sandbox()
        let first = try Self.dump(in: sandbox)
        #expect(try sandbox.welltree(["import", "aws", first]).status == 0)
        let dump = sandbox.root + "/second"
        try FileManager.default.copyItem(atPath: first, toPath: dump)
        try Self.edit(dump + "/get-workload.json") { object in
            var workload = object["Workload"] as? [String: Any] ?? [:]
            workload["WorkloadName"] = "Somebody else's workload"
            object["Workload"] = workload
        }
        sandbox.principal = "mallory@example.com"
        try Self.expectRefused(sandbox, dump, mentioning: [Self.workloadId, "exists already"])
    }

    /// All or nothing: when the branch cannot move at the end (here a file in the way of the
    /// workload's directory), the milestone tags and the invitations written before are undone.
    @Test func aFailureAtTheEndLeavesNoTagsAndNoInvitations() throws {
        let probe = try Sandbox()
        #expect(try probe.welltree(["import", "aws", try Self.dump(in: probe)]).status == 0)
        let workloadFile = try #require(
            try probe.git(["ls-files"]).stdout.split(separator: "\n").first { $0.hasSuffix("/workload.json") && $0.hasPrefix("workloads/") })

        let sandbox = try Sandbox()
        let dump = try Self.dump(in: sandbox)
        let inTheWay = sandbox.repo + "/" + workloadFile
        try FileManager.default.createDirectory(atPath: (inTheWay as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "not imported".write(toFile: inTheWay, atomically: true, encoding: .utf8)
        let before = try Self.references(sandbox)
        let result = try sandbox.welltree(["import", "aws", dump])
        #expect(result.status == 2, "\(result)")
        #expect(try Self.references(sandbox) == before)
        #expect(try sandbox.git(["tag", "-l"]).stdout.isEmpty)
        #expect(try String(contentsOfFile: inTheWay, encoding: .utf8) == "not imported")
    }
}
