/// A text with an optional link: helpful resources and improvement plans.
package struct LensResource: Sendable, Equatable, Codable {
    /// Up to 2048 characters; required whenever there is a url.
    package var displayText: String
    /// An `http://` or `https://` address. An empty url in a file is imported as none.
    package var url: String?

    package init(displayText: String, url: String? = nil) {
        self.displayText = displayText
        self.url = url
    }
}

/// A group of extra links on a choice, of one kind.
package struct LensAdditionalResources: Sendable, Equatable, Codable {
    /// The type the format uses for helpful links.
    package static let helpfulResource = "HELPFUL_RESOURCE"
    /// The type the format uses for improvement-plan links.
    package static let improvementPlan = "IMPROVEMENT_PLAN"

    /// `HELPFUL_RESOURCE` or `IMPROVEMENT_PLAN` (kept as text, as in the file).
    package var type: String
    /// Up to 5 links.
    package var content: [LensResource]

    package init(type: String, content: [LensResource]) {
        self.type = type
        self.content = content
    }
}
