import Foundation
import TestSupport
import Testing

/// `welltree check` as a CI gate on temporary review repositories: new HRIs fail, resolved
/// ones pass, every report format is well formed, and only changed workloads are read.
@Suite("welltree check")
struct CheckGateTests {
    static let workload = Sandbox.tutorialName

    /// A repository whose main has the tutorial workload, and a branch `change` checked out.
    static func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try sandbox.git(["checkout", "-q", "-b", "change"])
        return sandbox
    }

    @Test func aBranchIntroducingAnHRIFails() throws {
        let sandbox = try Self.sandbox()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        let result = try sandbox.welltree(["check", "--base", "main"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAILED: 1 new high-risk issue"))
        #expect(result.stdout.contains("answers/wellarchitected/priorities.json:2: HIGH"))
    }

    @Test func aBranchResolvingAnHRIPasses() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try #require(try sandbox.welltree(["check"]).status == 1, "HEAD alone has the HRI")
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--not-applicable", "--reason", "OUT_OF_SCOPE"]).status == 0)
        let result = try sandbox.welltree(["check", "--base", "main", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try #require(try sandbox.json(result) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        #expect((json["resolved"] as? [[String: Any]])?.first?["questionId"] as? String == "priorities")
    }

    @Test func anUnchangedHRIIsNotNew() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--review-owner", "John Roe"]).status == 0)
        #expect(try sandbox.welltree(["check", "--base", "main"]).status == 0)
        #expect(try sandbox.welltree(["check", "--base", "main", "--fail-on", "medium"]).status == 0)
    }

    @Test func mediumThresholdCountsNewMRIs() throws {
        let sandbox = try Self.sandbox()
        // The four HIGH best practices of `priorities` selected, the MEDIUM ones not: an MRI.
        let answered = try sandbox.welltree([
            "answer", "update", Self.workload, "priorities", "--select",
            "ops_priorities_ext_cust_needs,ops_priorities_int_cust_needs,ops_priorities_governance_reqs,ops_priorities_compliance_reqs",
        ])
        try #require(answered.stdout.contains("risk MEDIUM"), "\(answered)")
        #expect(try sandbox.welltree(["check", "--base", "main"]).status == 0)
        let medium = try sandbox.welltree(["check", "--base", "main", "--fail-on", "medium"])
        #expect(medium.status == 1, "\(medium)")
        #expect(medium.stdout.contains("MEDIUM"))
    }

    @Test func errorsExitWithTwo() throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.welltree(["check", "--base", "no-such-branch"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: no revision \"no-such-branch\""))
    }

    /// An unchanged workload whose file is broken on both sides is never read: the check costs
    /// what changed, not the size of the repository.
    @Test func onlyChangedWorkloadsAreRead() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let other = try sandbox.welltree(["workload", "create", "--name", "Payments", "--description", "Card payments",
                                          "--review-owner", "Jane Doe", "--environment", "production"])
        try #require(other.status == 0)
        try "{ not json".write(toFile: sandbox.repo + "/workloads/pa/payments/workload.json", atomically: true, encoding: .utf8)
        try sandbox.git(["commit", "-qam", "Break payments"])
        try sandbox.git(["checkout", "-q", "-b", "change"])
        let answers = sandbox.repo + "/workloads/re/retail-website-north-america/answers/wellarchitected"
        try FileManager.default.createDirectory(atPath: answers, withIntermediateDirectories: true)
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(toFile: answers + "/priorities.json", atomically: true, encoding: .utf8)
        try sandbox.git(["add", "."])
        try sandbox.git(["commit", "-qm", "Answer priorities"])
        let result = try sandbox.welltree(["check", "--base", "main"])
        #expect(result.status == 1, "\(result)")
        #expect(!result.stderr.contains("payments"))
        // Judging HEAD alone reads everything and so finds the broken file.
        #expect(try sandbox.welltree(["check"]).status == 2)
    }

    @Test func sarifHasTheRequiredFieldsAndStableFingerprints() throws {
        let sandbox = try Self.sandbox()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        let first = try sandbox.welltree(["check", "--base", "main", "--format", "sarif"])
        #expect(first.status == 1)
        let log = try #require(try sandbox.json(first) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "welltree")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["welltree/high-risk", "welltree/medium-risk"])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "welltree/high-risk")
        #expect(result["level"] as? String == "error")
        #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri?.hasSuffix("answers/wellarchitected/priorities.json") == true)
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 2)
        let fingerprint = (result["partialFingerprints"] as? [String: String])?["welltreeRisk/v1"]
        #expect(fingerprint?.count == 16)
        // Notes added above the selection move nothing in the identity.
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--notes", "Line one\nLine two"]).status == 0)
        let second = try sandbox.json(try sandbox.welltree(["check", "--base", "main", "--format", "sarif"])) as? [String: Any]
        let secondResult = ((second?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        #expect((secondResult?["partialFingerprints"] as? [String: String])?["welltreeRisk/v1"] == fingerprint)
    }

    @Test func junitParses() throws {
        let sandbox = try Self.sandbox()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        let report = try sandbox.welltree(["check", "--base", "main", "--format", "junit"])
        #expect(report.status == 1)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.read())
            cases = root.findall('./testsuite/testcase')
            print(root.tag, root.get('tests'), root.get('failures'), len(cases), cases[0].get('name'), len(cases[0].findall('failure')))
            """
        let parsed = try Run.program("python3", ["-c", script], input: report.stdout)
        #expect(parsed.status == 0, "\(parsed)")
        #expect(parsed.stdout == "testsuites 1 1 1 wellarchitected 1\n")
    }

    @Test func githubAnnotationsAndStepSummary() throws {
        let sandbox = try Self.sandbox()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        let summary = sandbox.root + "/summary.md"
        sandbox.extraEnvironment["GITHUB_STEP_SUMMARY"] = summary
        let result = try sandbox.welltree(["check", "--base", "main", "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let pattern = #/^::(error|warning|notice)( [a-z]+=[^,:]+(,[a-z]+=[^,:]+)*)?::.+$/#
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(lines.first?.hasPrefix("::error file=workloads/re/retail-website-north-america/answers/wellarchitected/priorities.json,line=2,title=") == true)
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.contains("## Welltree check"))
        #expect(written.contains("`priorities`"))
    }

    @Test func gitlabCodeQualityAndMarkdown() throws {
        let sandbox = try Self.sandbox()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none"]).status == 0)
        let report = try sandbox.welltree(["check", "--base", "main", "--format", "gitlab"])
        let issues = try #require(try sandbox.json(report) as? [[String: Any]])
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue["severity"] as? String == "critical")
        #expect(issue["check_name"] as? String == "welltree/high-risk")
        #expect((issue["fingerprint"] as? String)?.isEmpty == false)
        #expect(((issue["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 2)
        let markdown = try sandbox.welltree(["check", "--base", "main", "--format", "markdown"])
        #expect(markdown.stdout.contains("| HIGH | Retail Website - North America | `wellarchitected` |"))
        let file = sandbox.root + "/report.sarif"
        #expect(try sandbox.welltree(["check", "--base", "main", "--format", "sarif", "--output", file]).status == 1)
        #expect(FileManager.default.fileExists(atPath: file))
    }
}
