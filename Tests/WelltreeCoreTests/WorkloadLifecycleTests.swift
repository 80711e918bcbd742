import TestSupport
import Testing

@testable import WelltreeCore

/// Values shared by the workload tests.
enum WorkloadSample {
    static let id = "0123456789abcdef0123456789abcdef"
    static let now = "2026-11-27T11:05:36Z"
    static let later = "2026-11-28T09:00:00Z"
    static let lenses = [WorkloadLens(alias: "wellarchitected", version: "2025-02-25")]

    /// A create request that breaks no rule.
    static var properties: WorkloadProperties {
        WorkloadProperties(
            name: "Retail Website - North America",
            description: "Storefront for the US and Canada",
            reviewOwner: "platform-team@example.com",
            environment: .production)
    }

    static func create(_ properties: WorkloadProperties = properties, existingNames: [String] = [])
        throws(ValidationError) -> Workload
    {
        try Workload.create(
            id: id, properties: properties, owner: "arn:aws:iam::123456789012:user/alice", lenses: lenses,
            now: now, existingNames: existingNames)
    }

    /// The violations `properties` causes on create, or none.
    static func violations(_ properties: WorkloadProperties, existingNames: [String] = []) -> [Violation] {
        do {
            _ = try create(properties, existingNames: existingNames)
            return []
        } catch {
            return error.violations
        }
    }

    /// `properties` with one change applied, for table-driven tests.
    static func with(_ change: (inout WorkloadProperties) -> Void) -> WorkloadProperties {
        var p = properties
        change(&p)
        return p
    }
}

@Suite("Workload create and update")
struct WorkloadLifecycleTests {
    @Test func createFillsDefaultsAndRecordsOwnerAndTimes() throws {
        let workload = try WorkloadSample.create()
        #expect(workload.id == WorkloadSample.id)
        #expect(workload.name == "Retail Website - North America")
        #expect(workload.environment == .production)
        #expect(workload.improvementStatus == .notStarted)
        #expect(workload.owner == "arn:aws:iam::123456789012:user/alice")
        #expect(workload.lenses == WorkloadSample.lenses)
        #expect(workload.createdAt == WorkloadSample.now)
        #expect(workload.updatedAt == WorkloadSample.now)
        #expect(workload.tags.isEmpty && workload.awsRegions.isEmpty && workload.notes == nil)
        #expect(workload.pillarPriorities == nil)
    }

    @Test func createCopiesEveryProperty() throws {
        let workload = try WorkloadSample.create(
            WorkloadSample.with {
                $0.awsRegions = ["us-east-1", "ca-central-1"]
                $0.nonAwsRegions = ["Toronto DC"]
                $0.accountIds = ["123456789012"]
                $0.architecturalDesign = "https://wiki.example.com/retail"
                $0.industryType = "retail & wholesale"
                $0.industry = "E-commerce"
                $0.tagsToAdd = [WorkloadTag(key: "team", value: "web"), WorkloadTag(key: "Team", value: "")]
                $0.notes = "Line one\n\tindented"
                $0.improvementStatus = .inProgress
            })
        #expect(workload.awsRegions == ["us-east-1", "ca-central-1"])
        #expect(workload.nonAwsRegions == ["Toronto DC"])
        #expect(workload.accountIds == ["123456789012"])
        #expect(workload.architecturalDesign == "https://wiki.example.com/retail")
        #expect(workload.industryType == "Retail & Wholesale")
        #expect(workload.industry == "E-commerce")
        #expect(workload.tags == ["team": "web", "Team": ""])
        #expect(workload.notes == "Line one\n\tindented")
        #expect(workload.improvementStatus == .inProgress)
    }

    @Test func createValidatesTheValuesTheCommandSupplies() {
        let error = #expect(throws: ValidationError.self) {
            try Workload.create(
                id: "NOT-AN-ID", properties: WorkloadSample.properties, owner: "", lenses: [],
                now: "yesterday", existingNames: [])
        }
        #expect(error?.violations.map(\.field) == ["--id", "--owner", "--lens", "--created-at"])
    }

    @Test func updateChangesOnlyWhatIsGivenAndBumpsUpdatedAt() throws {
        let original = try WorkloadSample.create(WorkloadSample.with { $0.notes = "keep" })
        let updated = try original.updated(
            with: WorkloadProperties(description: "New description", environment: .preproduction),
            now: WorkloadSample.later, existingNames: [])
        #expect(updated.description == "New description")
        #expect(updated.environment == .preproduction)
        #expect(updated.name == original.name)
        #expect(updated.notes == "keep")
        #expect(updated.createdAt == WorkloadSample.now)
        #expect(updated.updatedAt == WorkloadSample.later)
    }

    @Test func updateThatChangesNothingKeepsUpdatedAt() throws {
        let original = try WorkloadSample.create()
        let same = try original.updated(
            with: WorkloadProperties(name: original.name, environment: original.environment),
            now: WorkloadSample.later, existingNames: [])
        #expect(same == original)
    }

    @Test func updateClearsOptionalTextWithEmptyStringAndListsWithEmptyList() throws {
        let original = try WorkloadSample.create(
            WorkloadSample.with {
                $0.architecturalDesign = "https://example.com/a"
                $0.industryType = "Gaming"
                $0.industry = "Mobile"
                $0.notes = "n"
                $0.awsRegions = ["eu-west-1"]
            })
        let cleared = try original.updated(
            with: WorkloadProperties(
                awsRegions: [], architecturalDesign: "", industryType: "", industry: "", notes: ""),
            now: WorkloadSample.later, existingNames: [])
        #expect(cleared.architecturalDesign == nil && cleared.industryType == nil && cleared.industry == nil)
        #expect(cleared.notes == nil && cleared.awsRegions.isEmpty)
    }

    @Test func updateRemovesThenAddsTags() throws {
        let original = try WorkloadSample.create(
            WorkloadSample.with {
                $0.tagsToAdd = [WorkloadTag(key: "env", value: "prod"), WorkloadTag(key: "old", value: "x")]
            })
        let updated = try original.updated(
            with: WorkloadProperties(tagsToAdd: [WorkloadTag(key: "env", value: "staging")], tagsToRemove: ["old"]),
            now: WorkloadSample.later, existingNames: [])
        #expect(updated.tags == ["env": "staging"])
    }

    @Test func updateMayKeepItsOwnNameInAnotherSpelling() throws {
        let original = try WorkloadSample.create()
        let renamed = try original.updated(
            with: WorkloadProperties(name: "retail website - NORTH AMERICA"), now: WorkloadSample.later,
            existingNames: ["Something Else"])
        #expect(renamed.name == "retail website - NORTH AMERICA")
    }

    @Test func updateRefusesAnotherWorkloadsName() throws {
        let original = try WorkloadSample.create()
        let error = #expect(throws: ValidationError.self) {
            try original.updated(
                with: WorkloadProperties(name: "Payments API"), now: WorkloadSample.later,
                existingNames: ["payments  api"])
        }
        #expect(
            error?.violations == [
                Violation(
                    field: "--name", value: "Payments API",
                    rule: "must be unique ignoring spaces and case: \"payments  api\" already exists")
            ])
    }

    @Test func updateRequiresNothing() throws {
        let original = try WorkloadSample.create()
        #expect(
            try original.updated(with: WorkloadProperties(), now: WorkloadSample.later, existingNames: []) == original)
        #expect(WorkloadProperties().isEmpty)
    }

    @Test(arguments: [
        ("Retail Website - North America", "retailwebsite-northamerica"),
        ("  Ünïcode\tName ", "ünïcodename"),
        ("A B\u{00A0}C\u{3000}D", "abcd"),
    ])
    func normalizedNameIgnoresWhitespaceAndCase(name: String, expected: String) {
        #expect(Workload.normalizedName(name) == expected)
    }

    @Test func newIDIsThirtyTwoLowercaseHexDigitsAndFollowsTheGenerator() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        let first = Workload.newID(using: &a)
        #expect(first == Workload.newID(using: &b))
        #expect(Workload.isValidID(first))
        #expect(first != Workload.newID(using: &a))
        #expect(Workload.isValidID(Workload.newID()))
        var zero = WorkloadZeroGenerator()
        #expect(Workload.newID(using: &zero) == String(repeating: "0", count: 32))
    }

    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef", true),
        ("0123456789ABCDEF0123456789abcdef", false),
        ("0123456789abcdef0123456789abcde", false),
        ("0123456789abcdef0123456789abcdefa", false),
        ("0123456789abcdeg0123456789abcdef", false),
    ])
    func idFormat(id: String, valid: Bool) {
        #expect(Workload.isValidID(id) == valid)
    }

    @Test(arguments: [
        ("PRODUCTION", WorkloadEnvironment.production),
        ("production", .production),
        ("pre-production", .preproduction),
        ("Pre production", .preproduction),
        ("PREPRODUCTION", .preproduction),
    ])
    func environmentUserInput(text: String, expected: WorkloadEnvironment) {
        #expect(WorkloadEnvironment(userInput: text) == expected)
    }

    @Test(arguments: [
        ("in-progress", ImprovementStatus.inProgress),
        ("RISK_ACKNOWLEDGED", .riskAcknowledged),
        ("not applicable", .notApplicable),
        ("Complete", .complete),
    ])
    func improvementStatusUserInput(text: String, expected: ImprovementStatus) {
        #expect(ImprovementStatus(userInput: text) == expected)
        #expect(ImprovementStatus(userInput: "staging") == nil)
        #expect(WorkloadEnvironment(userInput: "staging") == nil)
    }

    @Test(arguments: [
        ("env=prod", "env", "prod"),
        ("url=https://x?a=b", "url", "https://x?a=b"),
        ("flag", "flag", ""),
        ("empty=", "empty", ""),
        ("=v", "", "v"),
    ])
    func tagParsing(text: String, key: String, value: String) {
        #expect(WorkloadTag(parsing: text) == WorkloadTag(key: key, value: value))
    }
}

struct WorkloadZeroGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
