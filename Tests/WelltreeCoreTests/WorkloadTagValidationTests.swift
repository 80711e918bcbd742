import Testing

@testable import WelltreeCore

@Suite("Workload tag validation")
struct WorkloadTagValidationTests {
    private func violations(adding tags: [WorkloadTag]) -> [Violation] {
        WorkloadSample.violations(WorkloadSample.with { $0.tagsToAdd = tags })
    }

    private func workload(tagCount: Int) throws -> Workload {
        try WorkloadSample.create(
            WorkloadSample.with {
                $0.tagsToAdd = (0..<tagCount).map { WorkloadTag(key: "k\($0)", value: "v") }
            })
    }

    @Test(arguments: [(0, false), (1, true), (128, true), (129, false)])
    func keyLength(count: Int, valid: Bool) {
        let key = String(repeating: "k", count: count)
        let found = violations(adding: [WorkloadTag(key: key, value: "v")])
        #expect(found.isEmpty == valid)
        if !valid {
            #expect(
                found == [Violation(field: "--tag", value: key, rule: "key must be 1 to 128 characters, not \(count)")])
        }
    }

    @Test(arguments: [(0, true), (256, true), (257, false)])
    func valueLength(count: Int, valid: Bool) {
        let value = String(repeating: "v", count: count)
        let found = violations(adding: [WorkloadTag(key: "k", value: value)])
        #expect(found.isEmpty == valid)
        if !valid { #expect(found.map(\.rule) == ["value must be at most 256 characters, not 257"]) }
    }

    @Test(arguments: ["aws:cloudformation:stack-name", "AWS:x", "Aws:x", "aWs:", "awS:name"])
    func keysStartingWithAwsInAnyCaseAreReserved(key: String) {
        #expect(
            violations(adding: [WorkloadTag(key: key, value: "v")]) == [
                Violation(
                    field: "--tag", value: key, rule: "key must not start with \"aws:\" in any case (reserved for AWS)")
            ])
    }

    @Test(arguments: ["aws:x", "AWS:managed"])
    func valuesStartingWithAwsAreReservedToo(value: String) {
        #expect(
            violations(adding: [WorkloadTag(key: "k", value: value)]) == [
                Violation(
                    field: "--tag", value: "k=\(value)",
                    rule: "value must not start with \"aws:\" in any case (reserved for AWS)")
            ])
    }

    @Test(arguments: ["aws", "awsx:y", "my-aws:x", "aws-team", "a:ws"])
    func keysMerelyContainingAwsAreFine(key: String) {
        #expect(violations(adding: [WorkloadTag(key: key, value: "aws")]).isEmpty)
    }

    @Test func keysAreCaseSensitiveSoKeysDifferingOnlyInCaseAreAllowed() throws {
        #expect(
            violations(adding: [
                WorkloadTag(key: "env", value: "a"), WorkloadTag(key: "Env", value: "b"),
                WorkloadTag(key: "ENV", value: "c"),
            ]).isEmpty)
        #expect(
            try WorkloadSample.create(
                WorkloadSample.with {
                    $0.tagsToAdd = [WorkloadTag(key: "env", value: "a"), WorkloadTag(key: "Env", value: "b")]
                }
            ).tags.count == 2)
    }

    @Test func aKeyGivenTwiceInOneRequestIsReported() {
        #expect(
            violations(adding: [WorkloadTag(key: "env", value: "a"), WorkloadTag(key: "env", value: "b")]) == [
                Violation(
                    field: "--tag", value: "env", rule: "key is given more than once (keys are case sensitive)")
            ])
    }

    @Test(arguments: [(50, true), (51, false)])
    func tagLimitOnCreate(count: Int, valid: Bool) {
        let found = violations(adding: (0..<count).map { WorkloadTag(key: "k\($0)", value: "v") })
        #expect(found.isEmpty == valid)
        if !valid {
            #expect(
                found == [
                    Violation(field: "--tag", value: "51 tags", rule: "exceeds the limit of 50 tags per workload")
                ])
        }
    }

    @Test func tagLimitOnUpdateCountsExistingTags() throws {
        let full = try workload(tagCount: 49)
        #expect(throws: ValidationError.self) {
            try full.updated(
                with: WorkloadProperties(tagsToAdd: [
                    WorkloadTag(key: "a", value: ""), WorkloadTag(key: "b", value: ""),
                ]), now: WorkloadSample.later, existingNames: [])
        }
        // Overwriting an existing key does not add a tag.
        let overwritten = try full.updated(
            with: WorkloadProperties(tagsToAdd: [
                WorkloadTag(key: "k0", value: "new"), WorkloadTag(key: "a", value: ""),
            ]),
            now: WorkloadSample.later, existingNames: [])
        #expect(overwritten.tags.count == 50 && overwritten.tags["k0"] == "new")
    }

    @Test func removingFreesRoomForANewTag() throws {
        let full = try workload(tagCount: 50)
        let swapped = try full.updated(
            with: WorkloadProperties(tagsToAdd: [WorkloadTag(key: "new", value: "")], tagsToRemove: ["k7"]),
            now: WorkloadSample.later, existingNames: [])
        #expect(swapped.tags.count == 50 && swapped.tags["k7"] == nil && swapped.tags["new"] == "")
    }

    @Test func removingATagThatDoesNotExistIsReported() throws {
        let original = try workload(tagCount: 1)
        let error = #expect(throws: ValidationError.self) {
            try original.updated(
                with: WorkloadProperties(tagsToRemove: ["K0", "missing"]), now: WorkloadSample.later, existingNames: [])
        }
        #expect(
            error?.violations == [
                Violation(field: "--remove-tag", value: "K0", rule: "no such tag"),
                Violation(field: "--remove-tag", value: "missing", rule: "no such tag"),
            ])
        #expect(
            WorkloadSample.violations(WorkloadSample.with { $0.tagsToRemove = ["env"] }).map(\.rule) == ["no such tag"])
    }

    @Test func settingAndRemovingTheSameTagIsReported() throws {
        let original = try workload(tagCount: 1)
        let error = #expect(throws: ValidationError.self) {
            try original.updated(
                with: WorkloadProperties(tagsToAdd: [WorkloadTag(key: "k0", value: "x")], tagsToRemove: ["k0"]),
                now: WorkloadSample.later, existingNames: [])
        }
        #expect(error?.violations.map(\.rule) == ["is also set with --tag; set or remove a tag, not both"])
    }
}
