import Foundation
import Testing

/// The review's views beyond the present answers: answer input rules, the improvement plan for
/// trackers, milestones read like the present, notes, banners and the workloads page.
@Suite("Review views")
struct ReviewViewsTests {
    static let w = Sandbox.tutorialName

    /// The tutorial workload documented to 3 HRIs and 1 MRI.
    static func tutorial() throws -> Sandbox {
        let sandbox = try Sandbox()
        let created = try sandbox.createTutorialWorkload()
        #expect(created.status == 0, "\(created)")
        try TutorialTests.documentWorkload(sandbox)
        return sandbox
    }

    @Test("--select with None of these beside another choice is refused, naming the rule; nothing written")
    func noneMixedIsRefused() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let head = try sandbox.commit()
        let result = try sandbox.welltree([
            "answer", "update", Self.w, "monitor-aws-resources", "--select",
            "rel_monitor_aws_resources_monitor_resources,rel_monitor_aws_resources_no",
        ])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--select"), "\(result)")
        #expect(result.stderr.contains("\"None of these\" is selected alone"), "\(result)")
        #expect(try sandbox.commit() == head)
        let alone = try sandbox.welltree(["answer", "update", Self.w, "monitor-aws-resources", "--select", "rel_monitor_aws_resources_no"])
        #expect(alone.status == 0, "\(alone)")
        #expect(alone.stdout.contains("risk HIGH"), "\(alone)")
    }

    @Test("improvements --format csv: a header and one row per best practice to adopt, ids stable across runs")
    func improvementsCSV() throws {
        let sandbox = try Self.tutorial()
        let json = try sandbox.welltree(["improvements", Self.w, "--format", "json"])
        let summaries = try #require((try sandbox.json(json) as? [String: Any])?["ImprovementSummaries"] as? [[String: Any]])
        let practices = summaries.reduce(0) { $0 + (($1["ImprovementPlans"] as? [Any])?.count ?? 0) }
        let csv = try sandbox.welltree(["improvements", Self.w, "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let records = csv.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("\"") && !$0.hasPrefix("\"title\"") }
        #expect(csv.stdout.hasPrefix("\"title\",\"body\",\"labels\",\"priority\""))
        // Bodies span lines; count records by their item id, the last field.
        let ids = csv.stdout.components(separatedBy: "\r\n").compactMap { line -> String? in
            guard let range = line.range(of: ",\"WT-", options: .backwards) else { return nil }
            return String(line[range.upperBound...].prefix(16))
        }
        #expect(ids.count == practices, "\(records.count) \(csv.stdout)")
        #expect(Set(ids).count == ids.count)
        #expect(try sandbox.welltree(["improvements", Self.w, "--format", "csv"]).stdout == csv.stdout)
        #expect(csv.stdout.contains("\"High\""))
        #expect(csv.stdout.contains("\"rel_backing_up_data_periodic_recovery_testing_data\"") == false)
    }
}
