import Foundation
import Testing

/// Issue 16, item 8: the smaller holes. Each test states the attack and the rule that now stops it.
@Suite("Smaller holes of the review record")
struct SmallHolesTests {
    static let directory = "workloads/re/retail-website-north-america"

    static func workloadFile(_ sandbox: Sandbox) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/" + directory + "/workload.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func writeWorkloadFile(_ sandbox: Sandbox, _ object: [String: Any]) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            .write(to: URL(fileURLWithPath: sandbox.repo + "/" + directory + "/workload.json"))
    }

    /// A workload that applies a lens the repository does not have passed `validate` (it was only
    /// looked up for answers) while `dashboard` failed on it. Now `validate` names it.
    @Test func validateRefusesAWorkloadApplyingAnUnknownLens() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        var workload = try Self.workloadFile(sandbox)
        var lenses = try #require(workload["lenses"] as? [[String: Any]])
        lenses.append(["alias": "nosuchlens", "version": "1.0"])
        workload["lenses"] = lenses
        try Self.writeWorkloadFile(sandbox, workload)
        try #require(try sandbox.git(["commit", "-qam", "Apply a lens that does not exist", "--no-verify"]).status == 0)
        let dashboard = try sandbox.welltree(["dashboard"])
        #expect(dashboard.status == 2, "\(dashboard)")
        for arguments in [["validate"], ["validate", "--revision", "HEAD"]] {
            let validate = try sandbox.welltree(arguments)
            #expect(validate.status == 2, "\(validate)")
            #expect(validate.stderr.contains(Self.directory + "/workload.json:"), "\(validate)")
            #expect(validate.stderr.contains("lenses[1]: lens nosuchlens 1.0"), "\(validate)")
        }
        ReliabilityLog.record(
            "Smaller holes", columns: ["Attack", "Outcome"],
            ["workload.json applying an unknown lens alias", "validate exits 2 naming lenses[1] (dashboard fails on it too)"])
    }
}
