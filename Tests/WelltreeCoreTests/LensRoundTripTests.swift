import Testing

@testable import WelltreeCore

@Suite("Lens export")
struct LensRoundTripTests {
    @Test(
        "export re-imports to an equal lens with identical bytes",
        arguments: [
            "valid.json", "evaluation.json", "extra-keys.json", "empty-url.json", "missing-default.json",
            "whitespace-condition.json", "ten-pillars.json", "duplicate-key.json", "restricted-characters.json",
        ])
    func roundTrip(_ name: String) throws {
        let lens = try LensFixtures.load(name).lens
        let exported = try CanonicalJSON.encode(lens)
        let again = try LensLoader.load(exported, file: "export of \(name)")
        #expect(again.lens == lens)
        #expect(try CanonicalJSON.encode(again.lens) == exported)
        #expect(again.warnings.allSatisfy { !$0.message.contains("unknown key") && !$0.message.contains("empty url") })
    }

    @Test("the export writes only what is set, in canonical form")
    func exportShape() throws {
        let lens = Lens(
            name: "Tiny", description: "d",
            pillars: [
                LensPillar(
                    id: "ppp", name: "P",
                    questions: [
                        LensQuestion(
                            id: "qqq", title: "Q?",
                            choices: [
                                LensChoice(id: "ccc", title: "C", improvementPlan: LensResource(displayText: "do it")),
                                LensChoice(id: "qqq_no", title: "None of these"),
                            ],
                            riskRules: [RiskRule(condition: "ccc", risk: .none), RiskRule(condition: "default", risk: .high)])
                    ])
            ])
        let text = String(decoding: try CanonicalJSON.encode(lens), as: UTF8.self)
        #expect(
            text == """
                {
                  "description": "d",
                  "name": "Tiny",
                  "pillars": [
                    {
                      "id": "ppp",
                      "name": "P",
                      "questions": [
                        {
                          "choices": [
                            {
                              "id": "ccc",
                              "improvementPlan": {
                                "displayText": "do it"
                              },
                              "title": "C"
                            },
                            {
                              "id": "qqq_no",
                              "title": "None of these"
                            }
                          ],
                          "id": "qqq",
                          "riskRules": [
                            {
                              "condition": "ccc",
                              "risk": "NO_RISK"
                            },
                            {
                              "condition": "default",
                              "risk": "HIGH_RISK"
                            }
                          ],
                          "title": "Q?"
                        }
                      ]
                    }
                  ],
                  "schemaVersion": "2021-11-01"
                }

                """)
        #expect(try LensLoader.load(text, file: "tiny.json").lens == lens)
    }
}
