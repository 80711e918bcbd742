import Foundation
import Git
import WelltreeCore
import WelltreeWorkspace

/// A review repository in a temporary directory, initialised from the real workspace template,
/// with a pinned committer identity; removed afterwards.
final class WorkspaceFixture {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "welltree-ws-" + UUID().uuidString
        let repository = try Repository.create(at: path)
        try repository.setConfigString("user.name", "Test User")
        try repository.setConfigString("user.email", "test@example.com")
        _ = try Workspace.initialize(at: path, template: Self.template)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    static let template: WorkspaceTemplate = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workspace-template").path
        return WorkspaceTemplate(root: root)
    }()

    /// A workspace opened at the current HEAD, acting as `principal`.
    func open(as principal: String = "alice@example.com") throws -> Workspace {
        let workspace = try Workspace(at: path)
        workspace.actingPrincipal = principal
        return workspace
    }

    /// The commit HEAD's branch points at.
    func head() throws -> ObjectID? {
        try Repository.open(at: path).referenceTarget("refs/heads/main")
    }

    func commitCount() throws -> Int {
        let repository = try Repository.open(at: path)
        var count = 0
        var next = try repository.referenceTarget("refs/heads/main")
        while let id = next {
            count += 1
            next = try repository.commit(id).parents.first
        }
        return count
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path + "/" + relative, atomically: true, encoding: .utf8)
    }

    static let retail = WorkloadProperties(
        name: "Retail Website - North America", description: "Online retail storefront", reviewOwner: "Jane Doe",
        environment: .production, awsRegions: ["us-east-1", "us-west-2"], nonAwsRegions: ["Local data center"])
}
