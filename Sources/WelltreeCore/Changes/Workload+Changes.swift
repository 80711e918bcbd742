extension Workload {
    /// The properties that differ from `other`, one entry per workload.json key, with values
    /// rendered for reading (lists comma separated, tags as `key=value`). `updatedAt` is left
    /// out: it changes with every edit and says nothing a reviewer decides on.
    package func propertyChanges(from other: Workload) -> [PropertyChange] {
        let before = other.displayProperties
        let after = displayProperties
        var changes: [PropertyChange] = []
        for (key, _) in Self.propertyOrder {
            let old = before[key] ?? nil
            let new = after[key] ?? nil
            if old != new { changes.append(PropertyChange(property: key, before: old, after: new)) }
        }
        return changes
    }

    /// Every property as display text, by workload.json key (nil when unset).
    package var displayProperties: [String: String?] {
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }
        return [
            "id": id, "name": name, "description": description, "reviewOwner": reviewOwner,
            "environment": environment.rawValue, "awsRegions": list(awsRegions), "nonAwsRegions": list(nonAwsRegions),
            "accountIds": list(accountIds), "architecturalDesign": architecturalDesign, "industryType": industryType,
            "industry": industry, "tags": list(tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }),
            "notes": notes, "improvementStatus": improvementStatus.rawValue, "owner": owner,
            "lenses": list(lenses.map { "\($0.alias) \($0.version)" }), "pillarPriorities": list(pillarPriorities ?? []),
            "createdAt": createdAt,
        ]
    }

    /// workload.json keys in the order a reviewer reads them, with a label for people.
    package static let propertyOrder: [(key: String, label: String)] = [
        ("name", "Name"), ("description", "Description"), ("reviewOwner", "Review owner"),
        ("environment", "Environment"), ("awsRegions", "AWS Regions"), ("nonAwsRegions", "Non-AWS Regions"),
        ("accountIds", "Account IDs"), ("architecturalDesign", "Architectural design"),
        ("industryType", "Industry type"), ("industry", "Industry"), ("tags", "Tags"), ("notes", "Notes"),
        ("improvementStatus", "Improvement status"), ("owner", "Owner"), ("lenses", "Lenses"),
        ("pillarPriorities", "Pillar priorities"), ("id", "ID"), ("createdAt", "Created"),
    ]

    /// The label of a workload.json key for people.
    package static func propertyLabel(_ key: String) -> String {
        propertyOrder.first { $0.key == key }?.label ?? key
    }
}
