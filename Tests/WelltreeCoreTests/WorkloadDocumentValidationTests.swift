import Testing

@testable import WelltreeCore

/// Checking a stored `workload.json`, as a hook does after a hand edit: violations name JSON paths.
@Suite("Workload document validation")
struct WorkloadDocumentValidationTests {
    @Test func aValidStoredWorkloadHasNoViolations() {
        #expect(WorkloadValidation.validate(WorkloadCodingTests.full).isEmpty)
        #expect(WorkloadValidation.validate(WorkloadCodingTests.minimal).isEmpty)
    }

    @Test func violationsNameJSONPaths() {
        var workload = WorkloadCodingTests.full
        workload.id = "XYZ"
        workload.awsRegions = ["us-east-1", "mars-1"]
        workload.tags = ["aws:x": "v"]
        workload.industryType = "retail & wholesale"
        workload.pillarPriorities = ["security", "security"]
        workload.updatedAt = "2026-11-27"
        let violations = WorkloadValidation.validate(workload, otherNames: ["RETAIL website - north america"])
        #expect(
            violations.map(\.field) == [
                "name", "awsRegions[1]", "tags[\"aws:x\"]", "industryType", "pillarPriorities[1]", "id", "updatedAt",
            ])
    }

    @Test func updatedAtBeforeCreatedAtIsReported() {
        var workload = WorkloadCodingTests.minimal
        workload.updatedAt = "2026-01-01T00:00:00Z"
        #expect(
            WorkloadValidation.validate(workload).map(\.rule) == ["must not be before createdAt 2026-11-27T11:05:36Z"])
    }

    /// Every workload applies the framework lens: a list without it (empty, another lens, the
    /// alias in other case) is invalid wherever the file is read.
    @Test(arguments: [[], ["serverless"], ["WellArchitected"], ["serverless", "wellarchitected-copy"]])
    func aWorkloadNeedsTheFrameworkLens(aliases: [String]) {
        var workload = WorkloadCodingTests.minimal
        workload.lenses = aliases.map { WorkloadLens(alias: $0, version: "1.0") }
        #expect(
            WorkloadValidation.validate(workload) == [
                Violation(field: "lenses", value: aliases.joined(separator: ","),
                          rule: "must include the framework lens wellarchitected, which applies to every workload")
            ])
    }

    @Test(arguments: [
        ("2026-11-27T11:05:36Z", true), ("2026-11-27T11:05:36.123Z", true), ("2026-12-31T23:59:60Z", true),
        ("2026-11-27T11:05:36", false), ("2026-11-27 11:05:36Z", false), ("2026-13-27T11:05:36Z", false),
        ("2026-11-27T24:00:00Z", false), ("2026-11-27T11:05:36+01:00", false), ("2026-11-27T11:05:36.Z", false),
        ("", false), ("2026-11-27T11:05:36.\(String(repeating: "9", count: 40))Z", true),
    ])
    func timestampFormat(text: String, valid: Bool) {
        #expect(WorkloadValidation.isTimestamp(text) == valid)
    }
}
