import Foundation
import Testing
import WelltreeAWS
import WelltreeCore

/// Evidence across the AWS round trip: the service has no field for it, so the export writes the
/// citations as a block at the end of the question's notes and the import reads them back and
/// judges them like any answer file's citations. Nothing is cut to fit: what would not fit is
/// left out and said.
@Suite("AWS evidence in notes")
struct EvidenceNotesTests {
    typealias F = AWSFixtures
    static let blob = "d75f92a1409b8638b83ece6ad05f6e1be2c79f18"
    static let practice = "ops_priorities_ext_cust_needs"
    static let citations = [
        Evidence(url: "https://runbooks.example.com/backups"),
        Evidence(path: "infra/backup \"plan\".tf", confirmedId: blob),
        Evidence(choiceId: practice, path: "docs/adr/0007.md", lines: "12-40", confirmedId: blob),
    ]

    @Test func theBlockFollowsTheNotesAndReadsBackAsTheSameCitations() throws {
        let notes = "Quarterly review.\n\nOwner: the platform team."
        let sent = try #require(AWSEvidenceNotes.compose(notes: notes, evidence: Self.citations))
        #expect(
            sent == """
                Quarterly review.

                Owner: the platform team.

                [Welltree evidence: do not edit these lines]
                {"url":"https://runbooks.example.com/backups"}
                {"confirmedId":"\(Self.blob)","path":"infra/backup \\"plan\\".tf"}
                {"choiceId":"\(Self.practice)","confirmedId":"\(Self.blob)","lines":"12-40","path":"docs/adr/0007.md"}
                [End of Welltree evidence]
                """)
        let parsed = AWSEvidenceNotes.parse(sent)
        #expect(parsed.notes == notes && parsed.evidence == Self.citations && parsed.problems.isEmpty)
        // Without notes, the block alone; the service may add a trailing newline.
        let alone = try #require(AWSEvidenceNotes.compose(notes: nil, evidence: Self.citations))
        #expect(alone.hasPrefix(AWSEvidenceNotes.opening))
        #expect(AWSEvidenceNotes.parse(alone + "\n") == AWSEvidenceNotes.Parsed(notes: nil, evidence: Self.citations, problems: []))
        // Nothing to cite: the notes as they are.
        #expect(AWSEvidenceNotes.compose(notes: notes, evidence: []) == notes)
    }

    @Test func notesWithoutABlockAtTheirEndAreTheAnswersNotesWhole() {
        for notes in [
            "Plain notes", "[Welltree evidence: do not edit these lines]\n{\"url\":\"https://x.example\"}",
            "[Welltree evidence: do not edit these lines]\n{\"url\":\"https://x.example\"}\n[End of Welltree evidence]\nMore text after",
        ] {
            #expect(AWSEvidenceNotes.parse(notes) == AWSEvidenceNotes.Parsed(notes: notes, evidence: [], problems: []), "\(notes)")
        }
    }

    @Test func citationsThatDoNotFitAreLeftOutNeverCut() {
        let long = String(repeating: "n", count: LensLimits.answerNotesLength - 100)
        #expect(AWSEvidenceNotes.compose(notes: long, evidence: Self.citations) == nil)
        let fits = String(repeating: "n", count: LensLimits.answerNotesLength - 400)
        #expect((AWSEvidenceNotes.compose(notes: fits, evidence: Self.citations)?.unicodeScalars.count ?? .max) <= LensLimits.answerNotesLength)
        // The most an answer may cite, with long paths, still fits or is left out whole.
        let many = (0..<Evidence.maximumCount).map {
            Evidence(path: "services/payments/infrastructure/terraform/modules/backup-\($0)/main.tf", confirmedId: Self.blob)
        }
        if let sent = AWSEvidenceNotes.compose(notes: nil, evidence: many) {
            #expect(AWSEvidenceNotes.parse(sent).evidence == many)
        }
    }

    /// An answer with notes and citations: UpdateAnswer carries both; when they do not fit, the
    /// notes alone, and the export's report names the answer.
    @Test func theExportSendsTheBlockOrSaysWhatItLeftOut() throws {
        var source = ExportPlanTests.source(try F.plan())
        let last = source.states.count - 1
        source.states[last].answers["wellarchitected"]?["priorities"]?.evidence = Self.citations
        let plan = try AWSExport.plan(source)
        let updates = try ExportPlanTests.bodies(plan).filter { $0.operation == "UpdateAnswer" && $0.body["QuestionId"] as? String == "priorities" }
        let notes = try #require(updates.last?.body["Notes"] as? String)
        #expect(AWSEvidenceNotes.parse(notes).evidence == Self.citations, "\(notes)")
        #expect(plan.notCarried.map(\.description).contains { $0.contains("the evidence answers cite travels in their Notes") })

        source.states[last].answers["wellarchitected"]?["priorities"]?.notes = String(repeating: "n", count: LensLimits.answerNotesLength)
        let tooLong = try AWSExport.plan(source)
        let sent = try ExportPlanTests.bodies(tooLong).filter { $0.operation == "UpdateAnswer" && $0.body["QuestionId"] as? String == "priorities" }
        #expect(sent.last?.body["Notes"] as? String == String(repeating: "n", count: LensLimits.answerNotesLength))
        #expect(
            tooLong.notCarried.map(\.description).contains {
                $0.hasPrefix("answer wellarchitected/priorities: 3 evidence citations left out: with the answer's notes they would exceed the 2084 characters")
            }, "\(tooLong.notCarried.map(\.description))")
    }

    /// The import reads the block back as the answer's citations, and judges each like an
    /// answer file's: a hand-edited block in the service is no way around the rules.
    @Test func theImportReadsTheBlockBackAndJudgesEveryCitation() throws {
        let path = "lenses/wellarchitected/answers/priorities.json"
        func dump(notes: String) throws -> AWSWorkloadDump {
            try AWSDumpReader.read(try F.editing(try F.dump(), path) { d in
                var answer = d["Answer"] as! [String: Any]
                answer["Notes"] = notes
                d["Answer"] = answer
            })
        }
        let sent = try #require(AWSEvidenceNotes.compose(notes: "From the console", evidence: Self.citations))
        let plan = try AWSImport.plan(try dump(notes: sent), context: try F.context())
        let answer = try #require(plan.present.answers["wellarchitected"]?["priorities"])
        #expect(answer.notes == "From the console")
        #expect(answer.evidence == Evidence.sorted(Self.citations))

        let hostile = """
            Edited in the console
            [Welltree evidence: do not edit these lines]
            {"url":"javascript:alert(1)"}
            {"path":"../../etc/passwd","confirmedId":"\(Self.blob)"}
            {"path":"infra/backup.tf"}
            {"path":"workloads/ch/checkout-platform/workload.json","confirmedId":"\(Self.blob)"}
            not json at all
            [End of Welltree evidence]
            """
        let hostileDump = try dump(notes: hostile)
        let context = try F.context()
        do {
            _ = try AWSImport.plan(hostileDump, context: context)
            Issue.record("imported citations breaking the rules")
        } catch {
            #expect(error.kind == .cannotImport)
            let problems = error.problems.map(\.description).joined(separator: "\n")
            for expected in [
                "(line 5 of the Welltree evidence block) is not a citation",
                "\"javascript:alert(1)\" lenses/wellarchitected/answers/priorities.json: evidence[2].url must be an http:// or https:// URL",
                "\"../../etc/passwd\" lenses/wellarchitected/answers/priorities.json: evidence[0].path must not have a . or .. component",
                "is required for a cited path",
                "must not be in the workspace's own workloads/",
            ] {
                #expect(problems.contains(expected), "\(expected)\n\(problems)")
            }
            #expect(problems.hasPrefix(path) || problems.contains("\n" + path))
        }
    }
}
