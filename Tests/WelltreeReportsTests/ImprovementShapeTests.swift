import Foundation
import Testing
import TestSupport
import WelltreeCore
import WelltreeReports

/// ListLensReviewImprovements' `ImprovementPlans[].DisplayText` is the API's short text (1 to 64
/// characters): the best practice's title, cut at a word boundary with an ellipsis; the whole
/// title and the improvement plan's text travel in Welltree's own fields.
@Suite("Improvement plan display texts")
struct ImprovementShapeTests {
    static let builtinLenses = ["wellarchitected", "serverless", "softwareasaservice", "foundationaltechnicalreview"]

    @Test func shortTextsAreKept() {
        #expect(shortDisplayText("Use strong sign-in mechanisms") == "Use strong sign-in mechanisms")
        let exactly64 = String(repeating: "abcd ", count: 12) + "abcd"
        #expect(exactly64.count == 64)
        #expect(shortDisplayText(exactly64) == exactly64)
    }

    @Test func longTextsAreCutAtAWordBoundaryWithAnEllipsis() {
        let title = "Implement a strategy for the retention of logs that meets your compliance and business requirements"
        let short = shortDisplayText(title)
        #expect(short == "Implement a strategy for the retention of logs that meets your\u{2026}")
        #expect(short.unicodeScalars.count <= 64)
        // Punctuation before the cut does not dangle before the ellipsis.
        let listed = "Evaluate governance requirements, compliance requirements, and external factors too"
        #expect(shortDisplayText(listed) == "Evaluate governance requirements, compliance requirements, and\u{2026}")
        let comma = String(repeating: "x", count: 60) + ", and more words follow"
        #expect(shortDisplayText(comma) == String(repeating: "x", count: 60) + "\u{2026}")
        // One word longer than the limit is cut inside the word.
        let word = String(repeating: "é", count: 100)
        #expect(shortDisplayText(word) == String(repeating: "é", count: 63) + "\u{2026}")
    }

    /// Random titles of random words: the result fits, is the text itself when it fits, and
    /// otherwise is a prefix of the text ending where a word ends, followed by the ellipsis.
    @Test func everyCutFitsAndEndsAWord() {
        var generator = SeededGenerator(seed: 0x64)
        let words = ["a", "to", "the", "sign-in", "mechanisms,", "über", "日本語", "resilience;", "x", "observability"]
        for _ in 0..<2000 {
            let count = Int.random(in: 1...30, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let short = shortDisplayText(text)
            let scalars = short.unicodeScalars.count
            #expect((1...64).contains(scalars), "\(text) -> \(short)")
            if text.unicodeScalars.count <= 64 {
                #expect(short == text)
                continue
            }
            #expect(short.hasSuffix("\u{2026}"))
            let kept = String(short.dropLast())
            #expect(text.hasPrefix(kept), "\(text) -> \(short)")
            let next = text.unicodeScalars.dropFirst(kept.unicodeScalars.count).first
            let endsWord = next == nil || next!.properties.isWhitespace || ",;:.-".unicodeScalars.contains(next!)
            #expect(endsWord, "\(text) -> \(short)")
        }
    }

    /// Every best practice of every built-in lens, all missing: the output fits the API's shape
    /// (the display texts of the improvement plans were up to hundreds of characters before), and
    /// Welltree's own fields keep the whole title and text.
    @Test(.enabled(if: ProfileAndTemplateShapeTests.checkerAvailable), arguments: builtinLenses)
    func everyBuiltinPracticeFitsTheShape(alias: String) throws {
        let root = ProfileAndTemplateShapeTests.projectRoot.appendingPathComponent("workspace-template/lenses/\(alias)/versions").path
        let latest = try #require(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".json") }.max())
        let path = "workspace-template/lenses/\(alias)/versions/\(latest)"
        let lens = try LensLoader.load(ProfileAndTemplateShapeTests.file(path), file: path, kind: .official).lens
        let items = lens.pillars.flatMap { pillar in
            pillar.questions.map { question in
                ImprovementItem(
                    pillarId: pillar.id, pillarName: pillar.name, questionId: question.id, questionTitle: question.title, risk: .high,
                    missingChoices: question.choices.filter { $0.title != "None of these" },
                    improvementPlanURL: question.helpfulResource?.url)
            }
        }
        let record = LensRecord(
            alias: alias, name: lens.name, owner: "AWS", type: .awsOfficial,
            versions: [LensVersionRecord(version: "1.1", isMajor: false, createdAt: ProfileAndTemplateShapeTests.t0)])
        let output = ListLensReviewImprovementsOutput(workloadId: String(repeating: "a", count: 32), lens: record, items: items)
        let json = try ProfileAndTemplateShapeTests.expectShape("ListLensReviewImprovements", output)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let plans = (document["ImprovementSummaries"] as? [[String: Any]] ?? []).flatMap { $0["ImprovementPlans"] as? [[String: Any]] ?? [] }
        let choices = Dictionary(lens.pillars.flatMap { $0.questions.flatMap(\.choices) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(plans.count == items.reduce(0) { $0 + $1.missingChoices.count })
        for plan in plans {
            let choice = try #require(choices[plan["ChoiceId"] as? String ?? ""])
            #expect(plan["ChoiceTitle"] as? String == choice.title)
            #expect(plan["DisplayText"] as? String == shortDisplayText(choice.title))
            if let text = choice.improvementPlan?.displayText, text != choice.title {
                #expect(plan["ImprovementPlanText"] as? String == text)
            }
        }
    }
}
