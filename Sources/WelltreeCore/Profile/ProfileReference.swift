/// What a workload records of the profile it uses (the API's `WorkloadProfile`): the profile's
/// id and the version the workload was given. A workload uses at most one profile.
package struct ProfileReference: Sendable, Equatable, Hashable, Codable {
    package var id: String
    package var version: String

    package init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}
