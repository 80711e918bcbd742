import Foundation
import Git
import Testing
import WelltreeCore
@testable import WelltreeWorkspace

@Suite("Workspace writes")
struct WorkspaceCommitTests {
    @Test func initialiseCommitsTheTemplateOnceAndIsIdempotent() throws {
        let fixture = try WorkspaceFixture()
        #expect(try fixture.commitCount() == 1)
        let head = try fixture.head()
        let (_, committed, _, _) = try Workspace.initialize(at: fixture.path, template: WorkspaceFixture.template)
        #expect(!committed)
        #expect(try fixture.head() == head)
        let workspace = try fixture.open()
        #expect(try workspace.lensRecord("wellarchitected")?.type == .awsOfficial)
        #expect(try workspace.settings().pillarPriority.first == "operationalExcellence")
    }

    @Test func createWorkloadIsOneCommitWithACanonicalFile() throws {
        let fixture = try WorkspaceFixture()
        let stored = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        #expect(stored.directory == "retail-website-north-america")
        #expect(try fixture.commitCount() == 2)
        let repository = try Repository.open(at: fixture.path)
        let commit = try repository.commit(try #require(try fixture.head()))
        #expect(commit.message == "Create workload Retail Website - North America")
        let text = try fixture.read("workloads/re/retail-website-north-america/workload.json")
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"name\": \"Retail Website - North America\",\n"))
        let node = try JSONParser.parse(text)
        let keys = try #require(node.objectValue).map(\.key)
        #expect(keys == keys.sorted())
        // Pinned to the framework's current version.
        #expect(stored.workload.lenses == [WorkloadLens(alias: "wellarchitected", version: "1.1")])
        #expect(stored.workload.owner == "alice@example.com")
        // The work tree and index agree with the commit.
        #expect(try repository.modifiedPaths(under: "").isEmpty)
    }

    @Test func aNoOpUpdateWritesNothingAndKeepsTheBytes() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        _ = try workspace.createWorkload(WorkspaceFixture.retail, lenses: [])
        let before = try fixture.read("workloads/re/retail-website-north-america/workload.json")
        let head = try fixture.head()
        let (_, changed) = try workspace.updateWorkload("retail website - north america", WorkloadProperties(reviewOwner: "Jane Doe"))
        #expect(!changed)
        #expect(try fixture.head() == head)
        #expect(try fixture.read("workloads/re/retail-website-north-america/workload.json") == before)
    }

    @Test func theBranchMovingUnderneathRefusesTheChangeAndWritesNothing() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let slow = try fixture.open()
        let fast = try fixture.open()
        _ = try fast.updateWorkload("Retail Website - North America", WorkloadProperties(notes: "first"))
        let moved = try fixture.head()
        #expect {
            _ = try slow.updateWorkload("Retail Website - North America", WorkloadProperties(notes: "second"))
        } throws: { error in
            guard case WorkspaceError.branchMoved(let branch) = error else { return false }
            return branch == "refs/heads/main"
        }
        #expect(try fixture.head() == moved)
        #expect(try fixture.read("workloads/re/retail-website-north-america/workload.json").contains("\"notes\": \"first\""))
    }

    @Test func uncommittedEditsToTouchedFilesAreRefusedNotOverwritten() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let path = "workloads/re/retail-website-north-america/workload.json"
        let edited = try fixture.read(path).replacingOccurrences(of: "Jane Doe", with: "John Roe")
        try fixture.write(path, edited)
        let head = try fixture.head()
        #expect {
            _ = try fixture.open().updateWorkload("Retail Website - North America", WorkloadProperties(notes: "x"))
        } throws: { error in
            guard case WorkspaceError.dirty(let paths) = error else { return false }
            return paths == [path]
        }
        #expect(try fixture.head() == head)
        #expect(try fixture.read(path) == edited)
    }

    @Test func invalidInputReportsEveryViolationAndWritesNothing() throws {
        let fixture = try WorkspaceFixture()
        let head = try fixture.head()
        var properties = WorkspaceFixture.retail
        properties.name = "ab"
        properties.accountIds = ["123"]
        properties.awsRegions = ["mars-1"]
        #expect {
            _ = try fixture.open().createWorkload(properties, lenses: [])
        } throws: { error in
            guard case WorkspaceError.invalid(let validation) = error else { return false }
            return validation.violations.count == 3
        }
        #expect(try fixture.head() == head)
    }

    @Test func onlyTheOwnerEditsOrDeletes() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        #expect(throws: WorkspaceError.self) {
            _ = try fixture.open(as: "mallory@example.com").updateWorkload("Retail Website - North America", WorkloadProperties(notes: "x"))
        }
        #expect(throws: WorkspaceError.self) {
            _ = try fixture.open(as: "mallory@example.com").deleteWorkload("Retail Website - North America")
        }
        let deleted = try fixture.open().deleteWorkload("Retail Website - North America")
        #expect(deleted.workload.name == "Retail Website - North America")
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/workloads/re/retail-website-north-america"))
        #expect(try fixture.open().allWorkloads().isEmpty)
    }

    @Test func namesAreUniqueIgnoringSpacesAndCase() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        var twin = WorkspaceFixture.retail
        twin.name = "retail website-north america"
        #expect(throws: WorkspaceError.self) { _ = try fixture.open().createWorkload(twin, lenses: []) }
        twin.name = "RETAILWEBSITE - NORTHAMERICA"
        #expect(throws: WorkspaceError.self) { _ = try fixture.open().createWorkload(twin, lenses: []) }
    }
}
