/// The industry types the AWS API accepts for a workload (`WorkloadIndustryType`: "If specified,
/// must be one of the following"). The free-text `Industry` field has no such list.
package enum IndustryType {
    /// The allowed values in the API's spelling, in the API's order.
    package static let allowedValues: [String] = [
        "Agriculture",
        "Automobile",
        "Defense",
        "Design and Engineering",
        "Digital Advertising",
        "Education",
        "Environmental Protection",
        "Financial Services",
        "Gaming",
        "General Public Services",
        "Healthcare",
        "Hospitality",
        "InfoTech",
        "Justice and Public Safety",
        "Life Sciences",
        "Manufacturing",
        "Media & Entertainment",
        "Mining & Resources",
        "Oil & Gas",
        "Power & Utilities",
        "Professional Services",
        "Real Estate & Construction",
        "Retail & Wholesale",
        "Social Protection",
        "Telecommunications",
        "Travel, Transportation & Logistics",
        "Other",
    ]

    /// The API's spelling of `text`, matched ignoring case, or nil when it is no allowed value.
    /// Users type `financial services`; the file always stores `Financial Services`.
    package static func canonical(_ text: String) -> String? {
        let wanted = text.lowercased()
        return allowedValues.first { $0.lowercased() == wanted }
    }
}
