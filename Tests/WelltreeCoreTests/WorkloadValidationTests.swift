import Testing

@testable import WelltreeCore

@Suite("Workload validation")
struct WorkloadValidationTests {
    private static func text(_ count: Int, _ unit: String = "a") -> String {
        String(repeating: unit, count: count)
    }

    private func fields(_ violations: [Violation]) -> [String] { violations.map(\.field) }

    // MARK: Required properties

    @Test func createRequiresNameDescriptionReviewOwnerAndEnvironment() {
        let violations = WorkloadSample.violations(WorkloadProperties())
        #expect(
            violations == [
                Violation(field: "--name", value: "", rule: "is required"),
                Violation(field: "--description", value: "", rule: "is required"),
                Violation(field: "--review-owner", value: "", rule: "is required"),
                Violation(field: "--environment", value: "", rule: "is required"),
            ])
    }

    @Test func updateRequiresNothing() {
        #expect(WorkloadValidation.validate(WorkloadProperties(), creating: false).isEmpty)
    }

    @Test func everyViolationIsReported() {
        let violations = WorkloadSample.violations(
            WorkloadSample.with {
                $0.name = "ab"
                $0.description = "x"
                $0.awsRegions = ["moon-1"]
                $0.accountIds = ["123"]
            })
        #expect(violations.count == 4)
        #expect(fields(violations) == ["--name", "--description", "--aws-region", "--account-id"])
        #expect(violations.first?.description == "--name: \"ab\" must be 3 to 100 characters, not 2")
    }

    // MARK: Name

    @Test(arguments: [(2, false), (3, true), (4, true), (99, true), (100, true), (101, false)])
    func nameLength(count: Int, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.name = Self.text(count) })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(violations.map(\.rule) == ["must be 3 to 100 characters, not \(count)"]) }
    }

    @Test(arguments: [
        ("a b", false), ("a  b", false), ("   ab   ", false), ("\u{3000}ab\u{00A0}", false),
        (" abc ", true), ("a b c", true),
    ])
    func nameNeedsThreeCharactersThatAreNotSpaces(name: String, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.name = name })
        if valid {
            #expect(violations.isEmpty)
        } else {
            #expect(
                violations == [
                    Violation(
                        field: "--name", value: name, rule: "must contain at least 3 characters that are not spaces")
                ])
        }
    }

    @Test(arguments: [
        "Retail Website - North America", "retail website - north america", "RetailWebsite-NorthAmerica",
        "  RETAIL  WEBSITE\u{00A0}-\u{3000}NORTH AMERICA ",
    ])
    func nameMustBeUniqueIgnoringSpacesAndCase(name: String) {
        let violations = WorkloadSample.violations(
            WorkloadSample.with { $0.name = name }, existingNames: ["Payments", "Retail Website - North America"])
        #expect(
            violations == [
                Violation(
                    field: "--name", value: name,
                    rule: "must be unique ignoring spaces and case: \"Retail Website - North America\" already exists")
            ])
    }

    @Test func nameDifferingInMoreThanSpacesAndCaseIsUnique() {
        #expect(
            WorkloadSample.violations(
                WorkloadSample.with { $0.name = "Retail Website - South America" },
                existingNames: ["Retail Website - North America"]
            ).isEmpty)
    }

    @Test(arguments: ["../etc", "a/b\\c", "...", "C:\\Windows", "名前のワークロード", "<script>", "x\u{202E}y z"])
    func hostileButPrintableNamesAreAccepted(name: String) {
        #expect(WorkloadSample.violations(WorkloadSample.with { $0.name = name }).isEmpty)
    }

    // MARK: Control characters

    @Test(arguments: [
        ("name", "abc\u{0}def", "U+0000"),
        ("name", "abc\ndef", "U+000A"),
        ("name", "abc\u{7F}", "U+007F"),
        ("reviewOwner", "alice\tbob", "U+0009"),
        ("reviewOwner", "alice\u{85}", "U+0085"),
        ("nonAwsRegion", "dc\u{1B}[31m", "U+001B"),
        ("industry", "Retail\u{8}", "U+0008"),
        ("tagKey", "env\u{0}", "U+0000"),
        ("tagValue", "prod\r", "U+000D"),
    ])
    func controlCharactersAreRejectedInSingleLineText(field: String, value: String, found: String) throws {
        let violations = WorkloadSample.violations(
            WorkloadSample.with {
                switch field {
                case "name": $0.name = value
                case "reviewOwner": $0.reviewOwner = value
                case "nonAwsRegion": $0.nonAwsRegions = [value]
                case "industry": $0.industry = value
                case "tagKey": $0.tagsToAdd = [WorkloadTag(key: value, value: "v")]
                default: $0.tagsToAdd = [WorkloadTag(key: "k", value: value)]
                }
            })
        let violation = try #require(violations.first)
        #expect(violations.count == 1)
        #expect(violation.rule.hasSuffix("must not contain control characters (found \(found))"))
    }

    @Test(arguments: [
        ("line\nbreak", true), ("tab\there", true), ("cr\r\nlf", false), ("nul\u{0}", false), ("bell\u{7}", false),
    ])
    func descriptionAndNotesAllowNewlineAndTabOnly(value: String, valid: Bool) {
        for field in ["description", "notes"] {
            let violations = WorkloadSample.violations(
                WorkloadSample.with {
                    if field == "notes" { $0.notes = value } else { $0.description = value }
                })
            #expect(violations.isEmpty == valid, "\(field)")
            if !valid {
                #expect(
                    violations.first?.rule.hasPrefix("must not contain control characters other than newline and tab")
                        == true)
            }
        }
    }

    // MARK: Lengths of other text

    @Test(arguments: [(2, false), (3, true), (250, true), (251, false)])
    func descriptionLength(count: Int, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.description = Self.text(count) })
        #expect(violations.isEmpty == valid)
        if !valid {
            #expect(
                violations == [
                    Violation(
                        field: "--description", value: Self.text(count),
                        rule: "must be 3 to 250 characters, not \(count)")
                ])
        }
    }

    @Test(arguments: [(2, false), (3, true), (255, true), (256, false)])
    func reviewOwnerLength(count: Int, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.reviewOwner = Self.text(count) })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(fields(violations) == ["--review-owner"]) }
    }

    @Test(arguments: [(0, true), (2084, true), (2085, false)])
    func notesLength(count: Int, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.notes = Self.text(count) })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(violations.map(\.rule) == ["must be at most 2084 characters, not 2085"]) }
    }

    @Test(arguments: [(100, true), (101, false)])
    func industryLength(count: Int, valid: Bool) {
        #expect(WorkloadSample.violations(WorkloadSample.with { $0.industry = Self.text(count) }).isEmpty == valid)
    }

    /// Lengths are Unicode code points: a precomposed "é" is one, a thumbs-up with a skin tone two.
    @Test(arguments: [
        ("é", 100, true), ("é", 101, false), ("👍🏽", 50, true), ("👍🏽", 51, false), ("e\u{301}", 50, true),
        ("e\u{301}", 51, false),
    ])
    func lengthsCountCodePoints(unit: String, repeats: Int, valid: Bool) {
        #expect(WorkloadSample.violations(WorkloadSample.with { $0.name = Self.text(repeats, unit) }).isEmpty == valid)
    }

    // MARK: Regions and accounts

    @Test(arguments: [
        "us-east-1", "eu-central-2", "ap-southeast-10", "us-gov-west-1", "us-isob-east-1", "eu-isoe-west-1",
        "cn-north-1",
    ])
    func validAwsRegionCodes(region: String) {
        #expect(WorkloadSample.violations(WorkloadSample.with { $0.awsRegions = [region] }).isEmpty)
    }

    @Test(arguments: [
        "US-EAST-1", "us-east", "useast-1", "u-east-1", "usa-east-1", "us-east-1a", "us--1", "us-foo-east-1", "",
        " us-east-1", "us-east-1\n", "us-gov-west-x",
    ])
    func invalidAwsRegionCodes(region: String) {
        #expect(
            WorkloadSample.violations(WorkloadSample.with { $0.awsRegions = [region] }) == [
                Violation(
                    field: "--aws-region", value: region,
                    rule: "must be an AWS Region code such as us-east-1 or us-gov-west-1")
            ])
    }

    @Test(arguments: [(50, true), (51, false)])
    func awsRegionLimit(count: Int, valid: Bool) {
        let regions = (1...count).map { "us-east-\($0)" }
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.awsRegions = regions })
        #expect(violations.isEmpty == valid)
        if !valid {
            #expect(
                violations == [
                    Violation(
                        field: "--aws-region", value: "51 AWS Regions",
                        rule: "exceeds the limit of 50 AWS Regions per workload")
                ])
        }
    }

    @Test func duplicateAwsRegionIsReportedOnce() {
        let violations = WorkloadSample.violations(
            WorkloadSample.with { $0.awsRegions = ["us-east-1", "eu-west-1", "us-east-1"] })
        #expect(violations == [Violation(field: "--aws-region", value: "us-east-1", rule: "is listed more than once")])
    }

    @Test(arguments: [(5, true), (6, false)])
    func nonAwsRegionLimit(count: Int, valid: Bool) {
        let regions = (1...count).map { "Data center \($0)" }
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.nonAwsRegions = regions })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(violations.map(\.rule) == ["exceeds the limit of 5 non-AWS regions per workload"]) }
    }

    @Test(arguments: [(2, false), (3, true), (25, true), (26, false)])
    func nonAwsRegionLength(count: Int, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.nonAwsRegions = [Self.text(count)] })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(fields(violations) == ["--non-aws-region"]) }
    }

    @Test func duplicateNonAwsRegion() {
        #expect(
            WorkloadSample.violations(WorkloadSample.with { $0.nonAwsRegions = ["Paris DC", "Paris DC"] }).map(\.rule)
                == ["is listed more than once"])
    }

    @Test(arguments: [
        ("123456789012", true), ("000000000000", true), ("12345678901", false), ("1234567890123", false),
        ("12345678901a", false), ("1234-5678-9012", false), ("１２３４５６７８９０１２", false), ("", false),
    ])
    func accountIdIsTwelveDigits(id: String, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.accountIds = [id] })
        #expect(violations.isEmpty == valid)
        if !valid {
            #expect(violations == [Violation(field: "--account-id", value: id, rule: "must be exactly 12 digits")])
        }
    }

    @Test(arguments: [(100, true), (101, false)])
    func accountIdLimit(count: Int, valid: Bool) {
        let ids = (0..<count).map { i in
            let s = String(i)
            return String(repeating: "0", count: 12 - s.count) + s
        }
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.accountIds = ids })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(violations.map(\.rule) == ["exceeds the limit of 100 account IDs per workload"]) }
    }

    @Test func duplicateAccountId() {
        #expect(
            WorkloadSample.violations(WorkloadSample.with { $0.accountIds = ["123456789012", "123456789012"] }).count
                == 1)
    }

    // MARK: Architectural design, industry

    @Test(arguments: [
        ("https://wiki.example.com/design", true), ("http://a.b", true), ("ftp://files.example.com/x.pdf", true),
        ("https://example.com/a?b=c#d", true), ("", true),
        ("example.com", false), ("https://", false), ("https://a", false), ("https:///path", false),
        ("https://.x", false),
        ("https://a b", false), ("mailto:x@example.com", false), ("HTTPS://example.com", false),
        ("javascript:alert(1)", false),
    ])
    func architecturalDesignURL(url: String, valid: Bool) {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.architecturalDesign = url })
        #expect(violations.isEmpty == valid)
        if !valid {
            #expect(
                violations == [
                    Violation(
                        field: "--architectural-design", value: url,
                        rule: "must be an http://, https:// or ftp:// URL without spaces")
                ])
        }
    }

    @Test(arguments: [(2048, true), (2049, false)])
    func architecturalDesignLength(count: Int, valid: Bool) {
        let url = "https://example.com/" + Self.text(count - 20)
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.architecturalDesign = url })
        #expect(violations.isEmpty == valid)
        if !valid { #expect(violations.map(\.rule) == ["must be at most 2048 characters, not 2049"]) }
    }

    @Test(arguments: [
        ("Financial Services", "Financial Services"), ("financial services", "Financial Services"),
        ("MEDIA & ENTERTAINMENT", "Media & Entertainment"), ("infotech", "InfoTech"),
        ("travel, transportation & logistics", "Travel, Transportation & Logistics"),
    ])
    func industryTypeIsMatchedIgnoringCaseAndStoredInTheAPISpelling(input: String, stored: String) throws {
        let workload = try WorkloadSample.create(WorkloadSample.with { $0.industryType = input })
        #expect(workload.industryType == stored)
    }

    @Test(arguments: ["Banking", "Financial-Services", "Media and Entertainment", " Gaming"])
    func unknownIndustryTypeListsTheAllowedValues(value: String) throws {
        let violations = WorkloadSample.violations(WorkloadSample.with { $0.industryType = value })
        let violation = try #require(violations.first)
        #expect(violations.count == 1 && violation.field == "--industry-type")
        #expect(violation.rule.hasPrefix("must be one of: Agriculture; Automobile;"))
        #expect(violation.rule.hasSuffix("Travel, Transportation & Logistics; Other"))
    }

    @Test func industryTypeListHasTheAPIsTwentySevenValues() {
        #expect(IndustryType.allowedValues.count == 27)
        #expect(Set(IndustryType.allowedValues.map { $0.lowercased() }).count == 27)
    }
}
