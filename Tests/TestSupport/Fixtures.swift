/// Review data more than one test target builds on.
package enum Fixtures {
    /// A small custom lens: one pillar, one question, a rota or a high risk.
    package static let teamLens = """
        {"schemaVersion": "2021-11-01", "name": "Team Practices", "description": "Our own checks.",
         "pillars": [{"id": "team", "name": "Team", "questions": [{
           "id": "team_oncall", "title": "Is there an on-call rota?", "description": "Who answers pages.",
           "choices": [
             {"id": "team_oncall_rota", "title": "A published rota", "improvementPlan": {"displayText": "Publish a rota"}},
             {"id": "team_oncall_no", "title": "None of these"}],
           "riskRules": [{"condition": "team_oncall_rota", "risk": "NO_RISK"}, {"condition": "default", "risk": "HIGH_RISK"}]}]}]}
        """

    /// The tutorial workload's directory in the sharded layout, and where it was before shards.
    package static let tutorialDirectory = "workloads/re/retail-website-north-america"
    package static let unshardedTutorialDirectory = "workloads/retail-website-north-america"
}
