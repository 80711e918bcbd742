import Testing

@testable import WelltreeCore

@Suite("Workload file encoding")
struct WorkloadCodingTests {
    static let full = Workload(
        id: "0123456789abcdef0123456789abcdef",
        name: "Retail Website - North America",
        description: "Storefront\nfor the US and Canada",
        reviewOwner: "platform-team@example.com",
        environment: .production,
        awsRegions: ["us-east-1", "ca-central-1"],
        nonAwsRegions: ["Toronto DC"],
        accountIds: ["123456789012"],
        architecturalDesign: "https://wiki.example.com/retail?x=1&y=/z",
        industryType: "Retail & Wholesale",
        industry: "E-commerce",
        tags: ["team": "web", "Team": "", "cost-centre": "€42", "\"quoted\"": "back\\slash"],
        notes: "Tab\there, émoji 👍🏽, 東京",
        improvementStatus: .riskAcknowledged,
        owner: "arn:aws:iam::123456789012:user/alice",
        lenses: [
            WorkloadLens(alias: "wellarchitected", version: "2025-02-25"),
            WorkloadLens(alias: "serverless", version: "2024-06-01"),
        ],
        pillarPriorities: ["security", "reliability"],
        createdAt: "2026-11-27T11:05:36Z",
        updatedAt: "2026-11-28T09:00:00Z")

    static let minimal = Workload(
        id: "0123456789abcdef0123456789abcdef", name: "Payments", description: "Card payments",
        reviewOwner: "bob", environment: .preproduction, owner: "bob",
        lenses: [WorkloadLens(alias: "wellarchitected", version: "2025-02-25")],
        createdAt: "2026-11-27T11:05:36Z", updatedAt: "2026-11-27T11:05:36Z")

    private func text(_ workload: Workload) throws -> String {
        String(decoding: try CanonicalJSON.encode(workload), as: UTF8.self)
    }

    private func decode(_ text: String) throws(JSONDocumentError) -> Workload {
        try JSONNodeDecoder().decode(Workload.self, from: Array(text.utf8))
    }

    @Test(arguments: [full, minimal])
    func canonicalEncodingRoundTripsByteForByte(workload: Workload) throws {
        let bytes = try CanonicalJSON.encode(workload)
        let decoded = try JSONNodeDecoder().decode(Workload.self, from: bytes)
        #expect(decoded == workload)
        #expect(try CanonicalJSON.encode(decoded) == bytes)
    }

    @Test func minimalWorkloadLeavesOutEmptyAndNilProperties() throws {
        #expect(
            try text(Self.minimal) == """
                {
                  "createdAt": "2026-11-27T11:05:36Z",
                  "description": "Card payments",
                  "environment": "PREPRODUCTION",
                  "id": "0123456789abcdef0123456789abcdef",
                  "improvementStatus": "NOT_STARTED",
                  "lenses": [
                    {
                      "alias": "wellarchitected",
                      "version": "2025-02-25"
                    }
                  ],
                  "name": "Payments",
                  "owner": "bob",
                  "reviewOwner": "bob",
                  "updatedAt": "2026-11-27T11:05:36Z"
                }

                """)
    }

    @Test func emptyOverridesAndListsAreNotWritten() throws {
        var workload = Self.minimal
        workload.pillarPriorities = []
        workload.lenses = []
        let encoded = try text(workload)
        #expect(!encoded.contains("pillarPriorities") && !encoded.contains("lenses") && !encoded.contains("tags"))
        #expect(try decode(encoded).pillarPriorities == nil)
    }

    @Test func fullWorkloadWritesEveryPropertyWithCamelCaseKeys() throws {
        let encoded = try text(Self.full)
        for key in [
            "accountIds", "architecturalDesign", "awsRegions", "industry", "industryType", "nonAwsRegions", "notes",
            "pillarPriorities", "reviewOwner", "tags",
        ] {
            #expect(encoded.contains("\n  \"\(key)\": "), "\(key)")
        }
        #expect(encoded.contains("\"improvementStatus\": \"RISK_ACKNOWLEDGED\""))
        #expect(encoded.contains("https://wiki.example.com/retail?x=1&y=/z"))
    }

    @Test func missingOptionalKeysTakeTheirDefaults() throws {
        let workload = try decode(
            """
            {"id": "0123456789abcdef0123456789abcdef", "name": "Payments", "description": "Card payments",
             "reviewOwner": "bob", "environment": "PRODUCTION", "owner": "bob",
             "createdAt": "2026-11-27T11:05:36Z", "updatedAt": "2026-11-27T11:05:36Z"}
            """)
        #expect(workload.improvementStatus == .notStarted)
        #expect(workload.tags.isEmpty && workload.awsRegions.isEmpty && workload.lenses.isEmpty)
        #expect(workload.notes == nil && workload.pillarPriorities == nil)
    }

    /// The document `minimal` encodes to, with one line replaced.
    private func minimalText(replacing old: String, with new: String) throws -> String {
        let original = try text(Self.minimal)
        #expect(original.contains(old))
        return original.replacing(old, with: new)
    }

    @Test func badEnvironmentIsReportedWithPathAndPosition() throws {
        let document = try minimalText(replacing: "\"PREPRODUCTION\"", with: "\"STAGING\"")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.path.description == "environment")
        #expect(error?.position == SourcePosition(line: 4, column: 18))
        #expect(error?.message == "\"STAGING\" is not a workload environment; expected PRODUCTION or PREPRODUCTION")
    }

    @Test func badImprovementStatusIsReportedWithPathAndPosition() throws {
        let document = try minimalText(replacing: "\"NOT_STARTED\"", with: "\"DONE\"")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.path.description == "improvementStatus")
        #expect(error?.position == SourcePosition(line: 6, column: 24))
        #expect(error?.message.hasPrefix("\"DONE\" is not an improvement status") == true)
    }

    @Test func wrongTypeInsideAListNamesTheElement() throws {
        let document = try minimalText(replacing: "\"version\": \"2025-02-25\"", with: "\"version\": 3")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.path.description == "lenses[0].version")
        #expect(error?.position?.line == 10)
        #expect(error?.message == "expected a string, found a number")
    }

    @Test func missingRequiredKeyIsReported() throws {
        let document = try minimalText(replacing: "  \"name\": \"Payments\",\n", with: "")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.message == "the required field \"name\" is missing")
        #expect(error?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func unknownKeyIsReportedSoATypoIsNotDroppedSilently() throws {
        let document = try minimalText(
            replacing: "  \"owner\": \"bob\",\n", with: "  \"owner\": \"bob\",\n  \"reviewOwnr\": \"carol\",\n")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.path.description == "reviewOwnr")
        #expect(error?.position == SourcePosition(line: 15, column: 17))
        #expect(error?.message == "unknown field \"reviewOwnr\" in a workload")
    }

    @Test func tagsMustMapStringsToStrings() throws {
        let document = try minimalText(replacing: "  \"updatedAt\"", with: "  \"tags\": {\"env\": 1},\n  \"updatedAt\"")
        let error = #expect(throws: JSONDocumentError.self) { try decode(document) }
        #expect(error?.path.description == "tags.env")
    }
}
