import Foundation
import Testing
import WelltreeCore
@testable import WelltreeWorkspace

@Suite("Workload lookup")
struct WorkloadLookupTests {
    static func twoWorkloads() throws -> (WorkspaceFixture, StoredWorkload, StoredWorkload) {
        let fixture = try WorkspaceFixture()
        let first = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        var other = WorkspaceFixture.retail
        other.name = "Payments Europe"
        let second = try fixture.open().createWorkload(other, lenses: [])
        return (fixture, first, second)
    }

    @Test func findsByIdAndByNameWithAndWithoutTheSummaryCache() throws {
        let (fixture, first, second) = try Self.twoWorkloads()
        #expect(try fixture.open().findWorkload(second.workload.id).directory == "payments-europe")
        _ = try fixture.open().overviews()  // writes the summary cache
        let workspace = try fixture.open()
        #expect(try workspace.findWorkload(second.workload.id) == second)
        #expect(try workspace.findWorkload(first.workload.id) == first)
        #expect(try workspace.findWorkload("payments europe").workload.id == second.workload.id)
        // The directory name names the workload too.
        #expect(try workspace.findWorkload(second.directory) == second)
        #expect(throws: WorkspaceError.self) { _ = try workspace.findWorkload(String(repeating: "0", count: 32)) }
    }

    @Test func aDamagedCacheDoesNotMisleadTheLookup() throws {
        let (fixture, _, second) = try Self.twoWorkloads()
        let workspace = try fixture.open()
        _ = try workspace.overviews()
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: workspace.summaryCachePath))
        #expect(try fixture.open().findWorkload(second.workload.id) == second)
    }

    @Test func namesStayUniqueWhenTheyComeFromTheSummaryCache() throws {
        let (fixture, _, second) = try Self.twoWorkloads()
        _ = try fixture.open().overviews()  // names now come from the cache
        var duplicate = WorkspaceFixture.retail
        duplicate.name = "payments   EUROPE"
        #expect(throws: WorkspaceError.self) { _ = try fixture.open().createWorkload(duplicate, lenses: []) }
        var renamed = WorkloadProperties()
        renamed.name = WorkspaceFixture.retail.name
        #expect(throws: WorkspaceError.self) { _ = try fixture.open().updateWorkload(second.workload.id, renamed) }
        // A new name is fine, and lands in a directory of its own.
        duplicate.name = "Payments Asia"
        #expect(try fixture.open().createWorkload(duplicate, lenses: []).directory == "payments-asia")
    }

    @Test func aWriteReturnsTheWorkloadReadFromItsDirectory() throws {
        let (fixture, _, second) = try Self.twoWorkloads()
        let (updated, changed) = try fixture.open().updateWorkload(second.workload.id, WorkloadProperties(notes: "EU only"))
        #expect(changed)
        #expect(updated.directory == second.directory)
        #expect(updated.workload.notes == "EU only")
        #expect(updated.tree != second.tree)
    }
}
