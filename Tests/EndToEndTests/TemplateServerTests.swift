import Foundation
import TestSupport
import Testing

/// Review templates on a real git server (git-http-backend over loopback): the hook lets a
/// template's owner change it and a new template be pushed by its creator, refuses everyone
/// else, and refuses a workload that records a template its pusher may not apply (another
/// owner's, a deleted one) or changes its template after creation.
@Suite("Review templates enforced by the server hook", .serialized)
struct TemplateServerTests {
    typealias Clone = SharesServerTests.Clone
    static let password = SharesServerTests.password
    static let t = "Platform baseline"
    static let templateFile = "templates/platform-baseline/template.json"
    static let answerFile = "templates/platform-baseline/answers/wellarchitected/identities.json"

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func templatesAreTheirOwners() throws {
        let sandbox = try Sandbox()
        let server = try GitServer(
            root: sandbox.root + "/server",
            users: Dictionary(uniqueKeysWithValues: SharesServerTests.people.map { ($0, Self.password) }), environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")
        let alice = Clone(sandbox: sandbox, principal: "alice@example.com", path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: alice.principal, password: Self.password)])
        try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try alice.push(["main", "refs/welltree/shares"]).status == 0)

        func clone(_ principal: String) throws -> Clone {
            let path = sandbox.root + "/" + principal.prefix { $0 != "@" }
            let cloned = try Run.program(
                "git", ["clone", "-q", server.url("reviews.git", user: principal, password: Self.password), path],
                environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 })
            try #require(cloned.status == 0, "\(cloned)")
            let clone = Clone(sandbox: sandbox, principal: principal, path: path)
            try #require(try clone.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
            return clone
        }
        func refused(_ result: RunResult, _ rule: String) {
            #expect(result.status != 0, "\(result)")
            #expect(result.stderr.contains(rule), "\(result)")
        }
        func workloadFile(_ clone: Clone, _ directory: String) -> String { "workloads/\(directory.prefix(2))/\(directory)/workload.json" }
        func read(_ clone: Clone, _ path: String) throws -> String { try String(contentsOfFile: clone.path + "/" + path, encoding: .utf8) }

        // Bob, no administrator, creates a template and answers it: his to push.
        let bob = try clone("bob@example.com")
        try #require(try bob.welltree(["template", "create", "--name", Self.t, "--description", "Answers the platform team owns"]).status == 0)
        try #require(try bob.welltree(["template", "answer", "update", Self.t, "identities", "--select", "sec_identities_unique"]).status == 0)
        let bobPush = try bob.push(["main"])
        #expect(bobPush.status == 0, "\(bobPush)")
        let templateId = try #require(
            (try JSONSerialization.jsonObject(with: Data(try read(bob, Self.templateFile).utf8)) as? [String: Any])?["id"] as? String)

        // Bob himself may not change his template's answer by hand without raising its version
        // (workloads record the version they came from); the command raises it.
        let bobAnswer = try read(bob, Self.answerFile).replacingOccurrences(of: "sec_identities_unique", with: "sec_identities_no")
        try bob.commitByHand(Self.answerFile, bobAnswer, message: "Bob's answer by hand")
        refused(try bob.push(["main"]), "its answers changed since the branch's previous commit while its version stayed 2")
        try #require(try bob.git(["reset", "-q", "--hard", "origin/main"]).status == 0)

        // Carol may not change Bob's template, whether through the command (refused locally) or by hand.
        let carol = try clone("carol@example.com")
        let cli = try carol.welltree(["template", "answer", "update", Self.t, "identities", "--none"])
        #expect(cli.status == 2 && cli.stderr.contains("only its owner bob@example.com"), "\(cli)")
        try carol.commitByHand(Self.answerFile, "{\n  \"selectedChoices\": [\n    \"sec_identities_no\"\n  ]\n}\n", message: "Carol's answer")
        refused(try carol.push(["main"]), "only the template's owner bob@example.com or an administrator changes it")
        try #require(try carol.git(["reset", "-q", "--hard", "origin/main"]).status == 0)
        // ... nor take it over by naming herself owner.
        try carol.commitByHand(
            Self.templateFile, try read(carol, Self.templateFile).replacingOccurrences(of: "bob@example.com", with: "carol@example.com"),
            message: "Mine now")
        refused(try carol.push(["main"]), "only the template's owner bob@example.com or an administrator changes it")
        try #require(try carol.git(["reset", "-q", "--hard", "origin/main"]).status == 0)
        // ... nor push a new template in someone else's name.
        let forged = try read(carol, Self.templateFile).replacingOccurrences(of: templateId, with: String(repeating: "ab", count: 16))
            .replacingOccurrences(of: Self.t, with: "Forged baseline")
        try carol.commitByHand("templates/forged-baseline/template.json", forged, message: "Forged")
        refused(try carol.push(["main"]), "a new template must record its creator as owner")
        try #require(try carol.git(["reset", "-q", "--hard", "origin/main"]).status == 0)

        // ... nor give her own new template Bob's template's id (its directory sorts first), nor
        // later turn her template's id into his.
        try #require(try carol.welltree(["template", "create", "--name", "AAA Carol", "--description", "Carol's answers"]).status == 0)
        let carolTemplate = "templates/aaa-carol/template.json"
        let carolText = try read(carol, carolTemplate)
        let carolId = try #require(
            (try JSONSerialization.jsonObject(with: Data(carolText.utf8)) as? [String: Any])?["id"] as? String)
        try carol.commitByHand(carolTemplate, carolText.replacingOccurrences(of: carolId, with: templateId), message: "Take Bob's id")
        refused(try carol.push(["main"]), "id \(templateId) is already used by \(Self.templateFile)")
        try #require(try carol.git(["reset", "-q", "--hard", "HEAD~1"]).status == 0)
        #expect(try carol.push(["main"]).status == 0)
        try carol.commitByHand(carolTemplate, carolText.replacingOccurrences(of: carolId, with: templateId), message: "Take Bob's id later")
        refused(try carol.push(["main"]), "a template's id never changes")
        try #require(try carol.git(["reset", "-q", "--hard", "origin/main"]).status == 0)

        // Carol's own workload may not record Bob's template (she may not apply it) ...
        try #require(
            try carol.welltree([
                "workload", "create", "--name", "Carol API", "--description", "Carol's service", "--review-owner", "Carol",
                "--environment", "production", "--aws-region", "us-east-1",
            ]).status == 0)
        let carolFile = workloadFile(carol, "carol-api")
        let withTemplate = try read(carol, carolFile).replacingOccurrences(
            of: "\n}", with: ",\n  \"template\": {\n    \"id\": \"\(templateId)\",\n    \"version\": 2\n  }\n}")
        try carol.commitByHand(carolFile, withTemplate, message: "Claim the template")
        refused(try carol.push(["main"]), "is owned by bob@example.com and not shared with carol@example.com")
        try #require(try carol.git(["reset", "-q", "--hard", "origin/main"]).status == 0)

        // Carol may not grant herself a share of Bob's template on the shares ref.
        try carol.writeOnShares(
            "templates/\(templateId).json",
            "{\n  \"shares\": [\n    {\n      \"invitedAt\": \"2026-12-01T00:00:00Z\",\n      \"permission\": \"READONLY\",\n      \"principal\": \"carol@example.com\",\n      \"shareId\": \"\(String(repeating: "cd", count: 16))\",\n      \"sharedBy\": \"bob@example.com\",\n      \"status\": \"ACCEPTED\",\n      \"updatedAt\": \"2026-12-01T00:00:00Z\"\n    }\n  ],\n  \"templateId\": \"\(templateId)\"\n}\n")
        refused(try carol.push(["refs/welltree/shares"]), "only the owner bob@example.com manages its shares")
        try #require(try carol.git(["fetch", "-q", "-f", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)

        // Bob shares the template with dave, who accepts and creates a workload from it: accepted.
        let shared = try bob.welltree(["template", "share", "create", Self.t, "--principal", "dave@example.com", "--format", "json"])
        try #require(shared.status == 0, "\(shared)")
        let shareId = try #require((try sandbox.json(shared) as? [String: Any])?["ShareId"] as? String)
        #expect(try bob.push(["refs/welltree/shares"]).status == 0)
        let dave = try clone("dave@example.com")
        #expect(try dave.welltree(["share", "accept", shareId]).status == 0)
        #expect(try dave.push(["refs/welltree/shares"]).status == 0)
        try #require(
            try dave.welltree([
                "workload", "create", "--name", "Dave API", "--description", "Dave's service", "--review-owner", "Dave",
                "--environment", "production", "--aws-region", "us-east-1", "--template", Self.t,
            ]).status == 0)
        let davePush = try dave.push(["main"])
        #expect(davePush.status == 0, "\(davePush)")
        #expect(try bob.git(["pull", "-q", "--rebase", "origin", "main"]).status == 0)

        // Bob creates a workload from his template: accepted. Changing its template afterwards is not.
        try #require(
            try bob.welltree([
                "workload", "create", "--name", "Bob API", "--description", "Bob's service", "--review-owner", "Bob",
                "--environment", "production", "--aws-region", "us-east-1", "--template", Self.t,
            ]).status == 0)
        let created = try bob.push(["main"])
        #expect(created.status == 0, "\(created)")
        let bobFile = workloadFile(bob, "bob-api")
        try bob.commitByHand(bobFile, try read(bob, bobFile).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1"), message: "Older")
        refused(try bob.push(["main"]), "a workload's template is recorded when the workload is created and never changes")
        try #require(try bob.git(["reset", "-q", "--hard", "origin/main"]).status == 0)

        // Deleted, the template is applied to no new workload, even by its owner writing the file by hand.
        try #require(try bob.welltree(["template", "delete", Self.t]).status == 0)
        #expect(try bob.push(["main"]).status == 0)
        try #require(
            try bob.welltree([
                "workload", "create", "--name", "Bob Two", "--description", "Another service", "--review-owner", "Bob",
                "--environment", "production", "--aws-region", "us-east-1",
            ]).status == 0)
        let twoFile = workloadFile(bob, "bob-two")
        try bob.commitByHand(
            twoFile,
            try read(bob, twoFile).replacingOccurrences(
                of: "\n}", with: ",\n  \"template\": {\n    \"id\": \"\(templateId)\",\n    \"version\": 2\n  }\n}"),
            message: "From the deleted template")
        refused(try bob.push(["main"]), "was deleted and can no longer be applied to new workloads")
    }
}
