/// Questions, choices, resources and risk rules.
extension LensReader {
    mutating func readQuestion(_ node: JSONNode, at path: JSONPath) -> LensQuestion {
        let members = object(
            node, at: path, what: "a question",
            keys: ["id", "title", "description", "helpfulResource", "choices", "riskRules"])
        var seenQuestions = questionPaths
        let id = identifier(members, in: path, node, what: "question", allowingDash: kind == .official, seen: &seenQuestions)
        questionPaths = seenQuestions
        let title = string(members, "title", in: path, node, maxLength: LensLimits.nameLength, nonEmpty: true, restricted: true)
        let description = string(
            members, "description", in: path, node, required: false, maxLength: LensLimits.textLength, restricted: true)
        let helpfulResource = resource(members, "helpfulResource", in: path)

        var choices: [LensChoice] = []
        let choicesPath = path.appending("choices")
        if let nodes = array(
            members, "choices", in: path, node, required: true, limit: LensLimits.choicesPerQuestion,
            what: "choices in a question")
        {
            if nodes.isEmpty { error("a question needs at least one choice", at: choicesPath, members?["choices"]) }
            var seen: [String: JSONPath] = [:]
            for (index, choiceNode) in nodes.enumerated() {
                choices.append(readChoice(choiceNode, at: choicesPath.appending(index), seen: &seen))
            }
        }
        let rules = readRules(members, in: path, node, questionId: id ?? "?", choices: choices)
        return LensQuestion(
            id: id ?? "", title: title?.text ?? "", description: description?.text, helpfulResource: helpfulResource,
            choices: choices, riskRules: rules)
    }

    private mutating func readChoice(_ node: JSONNode, at path: JSONPath, seen: inout [String: JSONPath]) -> LensChoice {
        let members = object(
            node, at: path, what: "a choice",
            keys: ["id", "title", "description", "helpfulResource", "improvementPlan", "additionalResources"])
        let id = identifier(members, in: path, node, what: "choice", seen: &seen)
        let title = string(members, "title", in: path, node, maxLength: LensLimits.nameLength, nonEmpty: true, restricted: true)
        let description = string(members, "description", in: path, node, required: false, maxLength: LensLimits.textLength)
        let helpfulResource = resource(members, "helpfulResource", in: path)
        let improvementPlan = resource(members, "improvementPlan", in: path)
        if let members, let id, !id.hasSuffix("_no"), members["improvementPlan"] == nil {
            error(
                "choice \"\(id)\" needs an improvementPlan (only a \"None of these\" choice, id ending in _no, may omit it)",
                at: path, node)
        }
        var additional: [LensAdditionalResources]?
        let additionalPath = path.appending("additionalResources")
        if let groups = array(
            members, "additionalResources", in: path, node, required: false,
            limit: LensLimits.additionalResourceGroups, what: "groups of additional resources")
        {
            additional = groups.enumerated().map { index, group in readAdditional(group, at: additionalPath.appending(index)) }
        }
        return LensChoice(
            id: id ?? "", title: title?.text ?? "", description: description?.text, helpfulResource: helpfulResource,
            improvementPlan: improvementPlan, additionalResources: additional)
    }

    private mutating func readAdditional(_ node: JSONNode, at path: JSONPath) -> LensAdditionalResources {
        let members = object(node, at: path, what: "an additional resource", keys: ["type", "content"])
        let type = string(members, "type", in: path, node, maxLength: nil)
        if let type, type.text != LensAdditionalResources.helpfulResource, type.text != LensAdditionalResources.improvementPlan {
            error(
                "unknown type \"\(type.text)\"; expected \(LensAdditionalResources.helpfulResource) or \(LensAdditionalResources.improvementPlan)",
                at: path.appending("type"), type.node)
        }
        var content: [LensResource] = []
        if let links = array(
            members, "content", in: path, node, required: true, limit: LensLimits.additionalResourceLinks,
            what: "links in one additional resource")
        {
            let contentPath = path.appending("content")
            for (index, link) in links.enumerated() {
                if let resource = readResource(link, at: contentPath.appending(index)) { content.append(resource) }
            }
        }
        return LensAdditionalResources(type: type?.text ?? "", content: content)
    }

    /// An optional resource member (`helpfulResource`, `improvementPlan`).
    private mutating func resource(_ members: [JSONMember]?, _ key: String, in path: JSONPath) -> LensResource? {
        guard let node = members?[key], node.value != .null else { return nil }
        return readResource(node, at: path.appending(key))
    }

    private mutating func readResource(_ node: JSONNode, at path: JSONPath) -> LensResource? {
        let members = object(node, at: path, what: "a resource", keys: ["displayText", "url"])
        let text = string(members, "displayText", in: path, node, maxLength: LensLimits.textLength)
        var url = string(members, "url", in: path, node, required: false, maxLength: LensLimits.textLength)?.text
        let urlPath = path.appending("url")
        if url == "" {
            warning("empty url treated as no url", at: urlPath, members?["url"])
            url = nil
        }
        if let url {
            let lower = url.lowercased()
            if !lower.hasPrefix("http://") && !lower.hasPrefix("https://") {
                error("url \"\(url)\" must start with http:// or https://", at: urlPath, members?["url"])
            }
        }
        guard let text else { return nil }
        return LensResource(displayText: text.text, url: url)
    }

    // MARK: Risk rules

    private mutating func readRules(
        _ members: [JSONMember]?, in path: JSONPath, _ node: JSONNode, questionId: String, choices: [LensChoice]
    ) -> [RiskRule] {
        let rulesPath = path.appending("riskRules")
        guard
            let nodes = array(
                members, "riskRules", in: path, node, required: true, limit: LensLimits.rulesPerQuestion,
                what: "risk rules in a question")
        else { return [] }
        if nodes.isEmpty { error("question \(questionId) needs at least one risk rule", at: rulesPath, members?["riskRules"]) }
        let choiceIds = Set(choices.map(\.id))
        var referenced = Set<String>()
        var rules: [RiskRule] = []
        var defaultIndex: Int?
        for (index, ruleNode) in nodes.enumerated() {
            let rulePath = rulesPath.appending(index)
            let ruleMembers = object(ruleNode, at: rulePath, what: "a risk rule", keys: ["condition", "risk"])
            let risk = string(ruleMembers, "risk", in: rulePath, ruleNode, maxLength: nil)
            let ruleRisk = risk.flatMap { RuleRisk(rawValue: $0.text) }
            if let risk, ruleRisk == nil {
                error(
                    "unknown risk \"\(risk.text)\"; expected HIGH_RISK, MEDIUM_RISK or NO_RISK",
                    at: rulePath.appending("risk"), risk.node)
            }
            guard let condition = string(ruleMembers, "condition", in: rulePath, ruleNode, maxLength: nil) else { continue }
            let conditionPath = rulePath.appending("condition")
            let trimmed = Self.trimmed(condition.text)
            if trimmed != condition.text {
                warning("whitespace around the condition trimmed", at: conditionPath, condition.node)
            }
            if let defaultIndex {
                warning(
                    "rule \(index + 1) of question \(questionId) comes after the default rule (rule \(defaultIndex + 1)) and is never used",
                    at: rulePath, ruleNode)
            }
            do {
                let parsed = try RiskCondition.parse(condition.text)
                if parsed == .always, defaultIndex == nil { defaultIndex = index }
                for id in parsed.choiceIds {
                    referenced.insert(id)
                    if !choiceIds.contains(id) {
                        error(
                            "unknown choice id \"\(id)\" in question \(questionId) rule \(index + 1); its choices are \(choices.map(\.id).joined(separator: ", "))",
                            at: conditionPath, condition.node)
                    }
                }
            } catch {
                self.error("\(error) in question \(questionId) rule \(index + 1)", at: conditionPath, condition.node)
            }
            rules.append(RiskRule(condition: trimmed, risk: ruleRisk ?? .high))
        }
        if defaultIndex == nil, !nodes.isEmpty {
            warning(
                "question \(questionId) has no default rule; an answer that matches no rule is reported as UNANSWERED",
                at: rulesPath, members?["riskRules"])
        }
        // A lint for lens authors; AWS lenses leave low-risk practices out of their rules on purpose.
        let unused = choices.filter { !$0.isNoneOfThese && !$0.id.isEmpty && !referenced.contains($0.id) }.map(\.id)
        if !unused.isEmpty, defaultIndex != 0, kind == .custom {
            warning(
                "no rule of question \(questionId) mentions choice\(unused.count == 1 ? "" : "s") \(unused.joined(separator: ", ")); selecting \(unused.count == 1 ? "it" : "them") never changes the risk",
                at: path.appending("choices"), members?["choices"])
        }
        return rules
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
