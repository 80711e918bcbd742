/// The benchmark's peer: a short Python program that computes the dashboard's totals from a
/// checkout with `json.loads`, the way a team might script it. It implements the same rules as
/// `LensEvaluator` (conditions with `&&`, `||`, `!`, parentheses and `default`; choices marked
/// not applicable drop out of conditions; a question marked not applicable is NOT_APPLICABLE;
/// minor lens versions apply automatically), so its totals must equal Welltree's.
enum PythonPeer {
    static let script = #"""
        import json, os, re, sys

        RISKS = {"HIGH_RISK": "HIGH", "MEDIUM_RISK": "MEDIUM", "NO_RISK": "NONE"}
        YES, NO, DROP = 1, 0, 2

        def parse(text):
            if text.strip() == "default":
                return ("always",)
            tokens = re.findall(r"&&|\|\||!|\(|\)|[^\s&|!()]+", text)
            pos = 0
            def disjunction():
                nonlocal pos
                items = [conjunction()]
                while pos < len(tokens) and tokens[pos] == "||":
                    pos += 1
                    items.append(conjunction())
                return items[0] if len(items) == 1 else ("or", items)
            def conjunction():
                nonlocal pos
                items = [negation()]
                while pos < len(tokens) and tokens[pos] == "&&":
                    pos += 1
                    items.append(negation())
                return items[0] if len(items) == 1 else ("and", items)
            def negation():
                nonlocal pos
                token = tokens[pos]
                pos += 1
                if token == "!":
                    return ("not", negation())
                if token == "(":
                    inner = disjunction()
                    pos += 1
                    return inner
                return ("choice", token)
            return disjunction()

        def holds(node, selected, na):
            kind = node[0]
            if kind == "always":
                return YES
            if kind == "choice":
                return DROP if node[1] in na else (YES if node[1] in selected else NO)
            if kind == "not":
                value = holds(node[1], selected, na)
                return value if value == DROP else (NO if value == YES else YES)
            result = DROP
            for child in node[1]:
                value = holds(child, selected, na)
                if kind == "and":
                    if value == NO:
                        return NO
                    if value == YES:
                        result = YES
                else:
                    if value == YES:
                        return YES
                    if value == NO:
                        result = NO
            return result

        def risk(question, answer):
            if answer is None:
                return "UNANSWERED"
            if answer.get("isApplicable", True) is False:
                return "NOT_APPLICABLE"
            choices = question["choices"]
            na = choices.intersection(answer.get("notApplicableChoices", {}))
            selected = choices.intersection(answer.get("selectedChoices", [])) - na
            if not selected and not na:
                return "UNANSWERED"
            for condition, value in question["rules"]:
                if holds(condition, selected, na) != NO:
                    return value
            return "UNANSWERED"

        def load(path):
            with open(path, "rb") as f:
                return json.loads(f.read())

        root = sys.argv[1]
        lenses = {}
        def lens(alias, version):
            key = (alias, version)
            if key not in lenses:
                record = load(os.path.join(root, "lenses", alias, "lens.json"))
                versions = record["versions"]
                start = [v["version"] for v in versions].index(version)
                for later in versions[start + 1:]:
                    if later["isMajor"]:
                        break
                    version = later["version"]
                content = load(os.path.join(root, "lenses", alias, "versions", version + ".json"))
                questions = []
                for pillar in content["pillars"]:
                    for q in pillar["questions"]:
                        questions.append({
                            "id": q["id"],
                            "choices": {c["id"] for c in q["choices"]},
                            "rules": [(parse(r["condition"]), RISKS[r["risk"]]) for r in q.get("riskRules", [])],
                        })
                lenses[key] = questions
            return lenses[key]

        totals = {"HIGH": 0, "MEDIUM": 0, "NONE": 0, "NOT_APPLICABLE": 0, "UNANSWERED": 0}
        workloads = with_high = with_medium = 0
        base = os.path.join(root, "workloads")
        directories = [entry for shard in os.scandir(base) if shard.is_dir()
                       for entry in os.scandir(shard.path) if entry.is_dir()]
        for entry in directories:
            workload = load(os.path.join(entry.path, "workload.json"))
            counts = dict.fromkeys(totals, 0)
            for applied in workload.get("lenses", []):
                answers = {}
                directory = os.path.join(entry.path, "answers", applied["alias"])
                if os.path.isdir(directory):
                    for file in os.scandir(directory):
                        if file.name.endswith(".json"):
                            answers[file.name[:-5]] = load(file.path)
                for question in lens(applied["alias"], applied["version"]):
                    counts[risk(question, answers.get(question["id"]))] += 1
            workloads += 1
            with_high += counts["HIGH"] > 0
            with_medium += counts["MEDIUM"] > 0
            for key in totals:
                totals[key] += counts[key]

        print(json.dumps({"Workloads": workloads, "WorkloadsWithHighRisks": with_high,
                          "WorkloadsWithMediumRisks": with_medium, "RiskCounts": totals}, sort_keys=True))
        """#
}
