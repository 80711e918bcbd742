import Testing

@testable import WelltreeCore

@Suite("Access policy: administrators and groups")
struct AccessPolicyEditingTests {
    @Test func administratorsAreAddedOnceAndTheLastOneStays() throws {
        var policy = AccessPolicy()
        try policy.addAdministrators(["alice@example.com", "bob@example.com", "alice@example.com"])
        #expect(policy.administrators == ["alice@example.com", "bob@example.com"])
        try policy.removeAdministrators(["bob@example.com"])
        #expect(policy.administrators == ["alice@example.com"])
        let last = #expect(throws: ValidationError.self) { try policy.removeAdministrators(["alice@example.com"]) }
        #expect(last?.description.contains("without an administrator") == true)
        let stranger = #expect(throws: ValidationError.self) { try policy.removeAdministrators(["carol@example.com"]) }
        #expect(stranger?.description.contains("is not an administrator (administrators: alice@example.com)") == true)
        #expect(policy.administrators == ["alice@example.com"])
    }

    @Test func everyBadPrincipalIsReportedAndNothingChanges() {
        var policy = AccessPolicy(administrators: ["alice@example.com"])
        let error = #expect(throws: ValidationError.self) {
            try policy.addAdministrators(["", "two words", "group:ops", "123456789012", "ok@example.com"])
        }
        #expect(error?.violations.count == 4)
        #expect(error?.violations.allSatisfy { $0.field == "PRINCIPAL" } == true)
        #expect(policy.administrators == ["alice@example.com"])
    }

    @Test func groupsGainAndLoseMembersAndAnEmptyGroupGoes() throws {
        var policy = AccessPolicy()
        try policy.addMembers(["bob@example.com", "carol@example.com"], to: "group:ops")
        try policy.addMembers(["bob@example.com"], to: "ops")
        try policy.addMembers(["dave@example.com"], to: "123456789012")
        #expect(policy.groups == ["ops": ["bob@example.com", "carol@example.com"], "123456789012": ["dave@example.com"]])
        #expect(policy.reaches("group:ops", "carol@example.com"))
        #expect(policy.reaches("123456789012", "dave@example.com"))

        try policy.removeMembers(["bob@example.com"], from: "ops")
        #expect(policy.groups["ops"] == ["carol@example.com"])
        try policy.removeMembers(["carol@example.com"], from: "group:ops")
        #expect(policy.groups["ops"] == nil)
        #expect(!policy.reaches("group:ops", "carol@example.com"))
    }

    @Test(arguments: ["", "bad group", "group:", "ops/dev", String(repeating: "x", count: 65)])
    func aMalformedGroupNameIsRefused(name: String) {
        var policy = AccessPolicy()
        let error = #expect(throws: ValidationError.self) { try policy.addMembers(["bob@example.com"], to: name) }
        #expect(error?.violations.first?.field == "GROUP")
        #expect(policy.groups.isEmpty)
    }

    @Test func removingFromAnUnknownGroupOrANonMemberNamesWhatExists() throws {
        var policy = AccessPolicy(groups: ["ops": ["bob@example.com"]])
        let unknown = #expect(throws: ValidationError.self) { try policy.removeMembers(["bob@example.com"], from: "dev") }
        #expect(unknown?.description.contains("is not a group (groups: ops)") == true)
        let stranger = #expect(throws: ValidationError.self) { try policy.removeMembers(["carol@example.com"], from: "ops") }
        #expect(stranger?.description.contains("is not a member of ops") == true)
        let nobody = #expect(throws: ValidationError.self) { try policy.addMembers([], to: "ops") }
        #expect(nobody?.violations.first?.field == "MEMBER")
    }

    /// An organization holds units and accounts, a unit accounts and users, a group users only.
    @Test func organizationsHoldUnitsAndUnitsHoldAccountsAndUsers() throws {
        var policy = AccessPolicy()
        try policy.addMembers(["ou-ab12-cd34ef56", "123456789012"], to: "o-a1b2c3d4e5")
        try policy.addMembers(["123456789012", "bob@example.com"], to: "ou-ab12-cd34ef56")
        #expect(policy.groups["o-a1b2c3d4e5"] == ["ou-ab12-cd34ef56", "123456789012"])
        #expect(policy.groups["ou-ab12-cd34ef56"] == ["123456789012", "bob@example.com"])
        let before = policy
        #expect(throws: ValidationError.self) { try policy.addMembers(["bob@example.com"], to: "o-a1b2c3d4e5") }
        #expect(throws: ValidationError.self) { try policy.addMembers(["o-a1b2c3d4e5"], to: "ou-ab12-cd34ef56") }
        #expect(throws: ValidationError.self) { try policy.addMembers(["ou-ab12-cd34ef56"], to: "ops") }
        #expect(throws: ValidationError.self) { try policy.addMembers(["bob@example.com"], to: "ou-bad") }
        #expect(policy == before)
    }

    /// A file written by hand is held to the same rules: each member of a kind its group may
    /// not hold, each malformed key or principal is named by its JSON path.
    @Test func aHandWrittenFileIsHeldToTheSameRules() {
        let good = AccessPolicy(
            administrators: ["alice@example.com"],
            groups: ["o-a1b2c3d4e5": ["ou-ab12-cd34ef56", "123456789012"], "ou-ab12-cd34ef56": ["bob@example.com"], "ops": ["carol@example.com"]])
        #expect(good.violations(file: "access.json").isEmpty)
        let bad = AccessPolicy(
            administrators: ["group:ops", "eve\u{1B}[2J"],
            groups: [
                "o-a1b2c3d4e5": ["dave@example.com"], "ou-ab12-cd34ef56": ["o-a1b2c3d4e5"], "ops": ["ou-ab12-cd34ef56"],
                "ou-bad": ["x@example.com"], "group:ops": ["y@example.com"],
            ])
        let fields = Set(bad.violations(file: "access.json").map(\.field))
        #expect(
            fields == [
                "access.json: administrators[0]", "access.json: administrators[1]", "access.json: groups.o-a1b2c3d4e5[0]",
                "access.json: groups.ou-ab12-cd34ef56[0]", "access.json: groups.ops[0]", "access.json: groups",
            ], "\(bad.violations(file: "access.json"))")
        #expect(bad.violations(file: "access.json").contains { $0.rule.contains("an organization holds units and accounts") })
    }
}
