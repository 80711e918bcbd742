/// What a workload records of the template it was created from: the template's id and the
/// version it had then. It never changes afterwards (`template apply` writes answers only), so
/// it bounds the history `TemplateStatus` reads: every template answer since this version.
package struct TemplateReference: Sendable, Equatable, Hashable, Codable {
    package var id: String
    package var version: Int

    package init(id: String, version: Int) {
        self.id = id
        self.version = version
    }
}

extension TemplateReference {
    /// Every rule a stored reference breaks, with the JSON paths of `workload.json`.
    package func violations() -> [Violation] {
        var validator = Validator()
        validator.require(
            ReviewTemplate.isValidID(id), field: "template.id", value: id, rule: "must be 32 lowercase hexadecimal digits")
        validator.require(version >= 1, field: "template.version", value: "\(version)", rule: "must be at least 1")
        return validator.violations
    }
}
