/// What a workload records of the profile it uses (the API's `WorkloadProfile`): the profile's
/// id and the version the workload was given. A workload uses at most one profile.
package struct ProfileReference: Sendable, Equatable, Hashable, Codable {
    package var id: String
    package var version: String

    package init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, version }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(
            in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a workload's profile")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
    }

    /// The rules of the reference's form (what exists is the workspace's to check): an id of
    /// 32 lowercase hexadecimal digits and a version of the API's `ProfileVersion` pattern.
    package func violations(field: String = "profile") -> [Violation] {
        var validator = Validator()
        validator.require(
            Profile.isValidID(id), field: "\(field).id", value: id, rule: "must be 32 lowercase hexadecimal digits (a profile id)")
        validator.require(
            ProfileVersion.isValid(version), field: "\(field).version", value: version,
            rule: "must be 1 to 32 letters, digits or '-' (the API's ProfileVersion)")
        return validator.violations
    }
}
