#!/usr/bin/env python3
"""Writes the test fixtures of the AWS migration: a dump of one workload as scripts/aws-export
writes it (docs/aws-migration.md), in the AWS Well-Architected API's output shapes, with the
AWS CLI v1's spelling of values (timestamps as seconds since 1970), indented by one space to keep
the files small (the CLI indents by four; JSON readers see no difference).

The workload "Checkout Platform" applies two lenses, the AWS Well-Architected Framework and the
custom lens "Checkout review" (version 1.0, then 2.0 from milestone 3), has tags, three
milestones, two shares, answers with best practices marked not applicable (with reasons and
notes), a question marked not applicable, a question answered and later cleared, and lens and
pillar notes.

The service's risk of each answer is computed here with the lens rules and the documented
semantics (docs/builtin-lenses.md, lens-format.md), independently of Welltree's Swift evaluator,
so the import's comparison finds no difference in `dump/`. `risk-differs/` holds the GetAnswer
files of `dump/` where the service's risk is set apart from those rules; a test lays them over
`dump/`.

Usage: generate-dump.py [--check]    (--check: fail when the files differ from what it writes)
"""
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FRAMEWORK = os.path.join(ROOT, "workspace-template", "lenses", "wellarchitected", "versions", "1.1.json")

WORKLOAD_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
ACCOUNT = "111122223333"
REGION = "eu-west-1"
CUSTOM_ARN = f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:lens/7c1f0e2d9a8b4c3d2e1f0a9b8c7d6e5f"
FRAMEWORK_VERSION = "2024-06-27"
FRAMEWORK_NAME = "AWS Well-Architected Framework"


def choice(cid, title, plan=True):
    c = {"id": cid, "title": title,
         "helpfulResource": {"displayText": title + ".", "url": f"https://wiki.example.com/checkout/{cid}"}}
    if plan:
        c["improvementPlan"] = {"displayText": "Put it in place: " + title.lower() + ".",
                                "url": f"https://wiki.example.com/checkout/{cid}/plan"}
    return c


def question(qid, title, choices, rules):
    return {"id": qid, "title": title, "description": title,
            "choices": choices + [choice(qid + "_no", "None of these", plan=False)],
            "riskRules": [{"condition": c, "risk": r} for c, r in rules]}


def checkout_lens(version):
    payments = [
        question("pay_tokens", "How are card numbers kept out of your systems?", [
            choice("pay_tokens_vault", "Card numbers are tokenised by a vault"),
            choice("pay_tokens_scope", "Systems that see card data are listed and isolated"),
            choice("pay_tokens_rotation", "Token keys are rotated"),
        ], [("pay_tokens_vault && pay_tokens_scope && pay_tokens_rotation", "NO_RISK"),
            ("pay_tokens_vault", "MEDIUM_RISK"), ("default", "HIGH_RISK")]),
        question("pay_fraud", "How do you detect fraudulent orders?", [
            choice("pay_fraud_rules", "Rules flag suspicious orders"),
            choice("pay_fraud_model", "A model scores every order"),
            choice("pay_fraud_review", "People review flagged orders"),
        ], [("pay_fraud_rules && pay_fraud_review", "NO_RISK"),
            ("pay_fraud_rules || pay_fraud_model", "MEDIUM_RISK"), ("default", "HIGH_RISK")]),
    ]
    fulfilment = [
        question("ful_stock", "How do you keep stock levels correct?", [
            choice("ful_stock_sync", "Stock is synchronised with the warehouse"),
            choice("ful_stock_audit", "Stock counts are audited"),
        ], [("ful_stock_sync && ful_stock_audit", "NO_RISK"), ("default", "MEDIUM_RISK")]),
    ]
    if version == "2.0":
        fulfilment.append(question("ful_returns", "How are returns handled?", [
            choice("ful_returns_portal", "Customers start returns in a portal"),
            choice("ful_returns_refund", "Refunds are issued automatically"),
        ], [("ful_returns_portal && ful_returns_refund", "NO_RISK"), ("default", "MEDIUM_RISK")]))
    return {"schemaVersion": "2021-11-01", "name": "Checkout review",
            "description": "Questions the checkout team asks of every payment and fulfilment change.",
            "pillars": [{"id": "payments", "name": "Payments", "questions": payments},
                        {"id": "fulfilment", "name": "Fulfilment", "questions": fulfilment}]}


# Risk rules, with the semantics both sides document: a choice marked not applicable drops out of
# its expression (true inside &&, false inside ||); nothing selected or marked is UNANSWERED.
def evaluate(condition, selected, marked):
    tokens = re.findall(r"\|\||&&|!|\(|\)|[A-Za-z0-9_]+", condition)
    position = [0]

    def peek():
        return tokens[position[0]] if position[0] < len(tokens) else None

    def take():
        position[0] += 1
        return tokens[position[0] - 1]

    def combine(values, op):
        kept = [v for v in values if v is not None]
        if not kept:
            return None
        return all(kept) if op == "&&" else any(kept)

    def parse_or():
        values = [parse_and()]
        while peek() == "||":
            take()
            values.append(parse_and())
        return combine(values, "||")

    def parse_and():
        values = [parse_not()]
        while peek() == "&&":
            take()
            values.append(parse_not())
        return combine(values, "&&")

    def parse_not():
        token = take()
        if token == "!":
            value = parse_not()
            return None if value is None else not value
        if token == "(":
            value = parse_or()
            take()
            return value
        if token in marked:
            return None
        return token in selected

    if condition.strip() == "default":
        return True
    value = parse_or()
    return True if value is None else value


def risk(q, answer):
    if answer is None:
        return "UNANSWERED"
    if not answer.get("applicable", True):
        return "NOT_APPLICABLE"
    marked = set(answer.get("na", {}))
    selected = set(answer.get("selected", [])) - marked
    if not selected and not marked:
        return "UNANSWERED"
    for rule in q["riskRules"]:
        if evaluate(rule["condition"], selected, marked):
            return {"HIGH_RISK": "HIGH", "MEDIUM_RISK": "MEDIUM", "NO_RISK": "NONE"}[rule["risk"]]
    return "UNANSWERED"


# The workload's history. Each state: properties that differ from the present, the custom lens's
# version, answers per lens (selected, na: {choice: [reason, notes]}, applicable, reason, notes),
# lens notes and pillar notes.
PRESENT_WORKLOAD = {
    "WorkloadName": "Checkout Platform",
    "Description": "Payments and order fulfilment of the web shop",
    "Environment": "PRODUCTION",
    "AccountIds": [ACCOUNT],
    "AwsRegions": ["eu-west-1", "eu-central-1"],
    "NonAwsRegions": ["Dublin office"],
    "ArchitecturalDesign": "https://wiki.example.com/checkout/architecture",
    "ReviewOwner": "Dana Reviewer",
    "IndustryType": "Retail & Wholesale",
    "Industry": "Online retail",
    "Notes": "Reviewed every quarter with the payments team.",
    "ImprovementStatus": "IN_PROGRESS",
    "PillarPriorities": ["operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability"],
    "Tags": {"team": "checkout", "cost-center": "4711"},
}

DEPLOY = "ops_mit_deploy_risks_"
STATES = [
    {"milestone": (1, "Initial review", 1759309200.0), "custom": "1.0",
     "workload": {"Description": "Payments of the web shop", "ImprovementStatus": "NOT_STARTED",
                  "Tags": {"team": "payments"}, "UpdatedAt": 1759305600.0},
     "answers": {
         "wellarchitected": {
             "priorities": {"selected": ["ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs"]},
             "org-culture": {"selected": ["ops_org_culture_executive_sponsor"], "notes": "Sponsor named in the kick-off"},
             "mit-deploy-risks": {"selected": [DEPLOY + "plan_for_unsucessful_changes", DEPLOY + "test_val_chg"],
                                  "na": {DEPLOY + "deploy_mgmt_sys": ["BUSINESS_PRIORITIES", "Manual releases until the platform migration"]},
                                  "notes": "Rollback plan is in the runbook"},
         },
         "custom": {
             "pay_tokens": {"selected": ["pay_tokens_vault"],
                            "na": {"pay_tokens_rotation": ["ARCHITECTURE_CONSTRAINTS", "The vault rotates its keys itself"]}},
             "ful_stock": {"selected": ["ful_stock_no"]},
         },
     },
     "notes": {}},
    {"milestone": (2, "After payments hardening", 1765809000.0), "custom": "1.0",
     "workload": {"ImprovementStatus": "IN_PROGRESS", "Tags": {"team": "checkout"}, "UpdatedAt": 1765800000.0},
     "answers": {
         "wellarchitected": {
             "priorities": {"selected": ["ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs",
                                         "ops_priorities_governance_reqs", "ops_priorities_compliance_reqs"]},
             "mit-deploy-risks": {"selected": [DEPLOY + "plan_for_unsucessful_changes", DEPLOY + "test_val_chg"],
                                  "na": {DEPLOY + "deploy_mgmt_sys": ["BUSINESS_PRIORITIES", "Manual releases until the platform migration"]},
                                  "notes": "Rollback plan is in the runbook"},
             "sus_hardware": {"applicable": False, "reason": "OUT_OF_SCOPE", "notes": "No hardware of our own"},
             "backing-up-data": {"selected": ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"],
                                 "na": {"rel_backing_up_data_periodic_recovery_testing_data": ["OTHER", "Restore drills start in Q2"]}},
         },
         "custom": {
             "pay_tokens": {"selected": ["pay_tokens_vault", "pay_tokens_scope"],
                            "na": {"pay_tokens_rotation": ["ARCHITECTURE_CONSTRAINTS", "The vault rotates its keys itself"]}},
             "pay_fraud": {"selected": ["pay_fraud_rules"], "notes": "Manual review is being staffed"},
             "ful_stock": {"selected": ["ful_stock_no"]},
         },
     },
     "notes": {"wellarchitected": {"notes": "Second pass after the payments incident",
                                   "pillars": {"security": "Reviewed with the security team"}},
               "custom": {"pillars": {"payments": "PCI scope reduced to the vault"}}}},
    {"milestone": (3, "Checkout lens 2.0", 1771581600.0), "custom": "2.0",
     "workload": {"UpdatedAt": 1771570000.0},
     "answers": {
         "wellarchitected": {
             "priorities": {"selected": ["ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs",
                                         "ops_priorities_governance_reqs", "ops_priorities_compliance_reqs"]},
             "mit-deploy-risks": {"selected": [DEPLOY + "plan_for_unsucessful_changes", DEPLOY + "test_val_chg",
                                               DEPLOY + "deploy_mgmt_sys"],
                                  "notes": "Rollback plan is in the runbook"},
             "sus_hardware": {"applicable": False, "reason": "OUT_OF_SCOPE", "notes": "No hardware of our own"},
             "backing-up-data": {"selected": ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"],
                                 "na": {"rel_backing_up_data_periodic_recovery_testing_data": ["OTHER", "Restore drills start in Q2"]}},
         },
         "custom": {
             "pay_tokens": {"selected": ["pay_tokens_vault", "pay_tokens_scope"],
                            "na": {"pay_tokens_rotation": ["ARCHITECTURE_CONSTRAINTS", "The vault rotates its keys itself"]}},
             "pay_fraud": {"selected": ["pay_fraud_rules", "pay_fraud_review"]},
             "ful_stock": {"selected": ["ful_stock_sync"]},
             "ful_returns": {"selected": ["ful_returns_portal"], "notes": "Refunds are still manual"},
         },
     },
     "notes": {"wellarchitected": {"notes": "Second pass after the payments incident",
                                   "pillars": {"security": "Reviewed with the security team"}},
               "custom": {"pillars": {"payments": "PCI scope reduced to the vault"}}}},
    {"milestone": None, "custom": "2.0",
     "workload": {"UpdatedAt": 1772468405.123},
     "answers": {
         "wellarchitected": {
             "priorities": {"selected": ["ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs",
                                         "ops_priorities_governance_reqs", "ops_priorities_compliance_reqs",
                                         "ops_priorities_eval_threat_landscape", "ops_priorities_eval_tradeoffs"]},
             "mit-deploy-risks": {"selected": [DEPLOY + "plan_for_unsucessful_changes", DEPLOY + "test_val_chg",
                                               DEPLOY + "deploy_mgmt_sys"],
                                  "notes": "Rollback plan is in the runbook"},
             "sus_hardware": {"applicable": False, "reason": "OUT_OF_SCOPE", "notes": "No hardware of our own"},
             "backing-up-data": {"selected": ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data",
                                              "rel_backing_up_data_automated_backups_data"],
                                 "na": {"rel_backing_up_data_periodic_recovery_testing_data": ["OTHER", "Restore drills start in Q2"]}},
             "identities": {"selected": ["sec_identities_enforce_mechanisms", "sec_identities_unique"],
                            "na": {"sec_identities_groups_attributes": ["NONE", ""]}},
         },
         "custom": {
             "pay_tokens": {"selected": ["pay_tokens_vault", "pay_tokens_scope"],
                            "na": {"pay_tokens_rotation": ["ARCHITECTURE_CONSTRAINTS", "The vault rotates its keys itself"]}},
             "pay_fraud": {"selected": ["pay_fraud_rules", "pay_fraud_review"]},
             "ful_stock": {"selected": ["ful_stock_sync", "ful_stock_audit"]},
             "ful_returns": {"selected": ["ful_returns_portal", "ful_returns_refund"]},
         },
     },
     "notes": {"wellarchitected": {"notes": "Second pass after the payments incident",
                                   "pillars": {"security": "Reviewed with the security team",
                                               "reliability": "Backups verified in March"}}}},
]

SHARES = [
    {"ShareId": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "SharedWith": "444455556666", "PermissionType": "READONLY", "Status": "PENDING"},
    {"ShareId": "1a2b3c4d5e6f70819203a4b5c6d7e8f9", "SharedWith": "777788889999", "PermissionType": "CONTRIBUTOR", "Status": "ACCEPTED"},
]

# Where the service's risk parts from the rules above (risk-differs/): (milestone or None, lens, question, risk).
DIFFERENCES = [
    (None, "wellarchitected", "identities", "MEDIUM"),
    (1, "custom", "pay_tokens", "NONE"),
]


def file_name(text):
    name = re.sub(r"[^A-Za-z0-9._-]", "_", text)
    return "_" + name if name in ("", ".", "..") else name


def counts(risks):
    result = {}
    for r in risks:
        result[r] = result.get(r, 0) + 1
    return result


def lens_of(alias, version):
    if alias == "wellarchitected":
        with open(FRAMEWORK) as f:
            return json.load(f)
    return checkout_lens(version)


def choices(q):
    return [{"ChoiceId": c["id"], "Title": c["title"]} for c in q["choices"]]


def choice_answers(q, answer, with_notes):
    result = []
    marked = (answer or {}).get("na", {})
    selected = set((answer or {}).get("selected", []))
    for c in q["choices"]:
        if c["id"] in marked:
            reason, notes = marked[c["id"]]
            entry = {"ChoiceId": c["id"], "Status": "NOT_APPLICABLE", "Reason": reason}
            if with_notes and notes:
                entry["Notes"] = notes
        else:
            entry = {"ChoiceId": c["id"], "Status": "SELECTED" if c["id"] in selected else "UNSELECTED"}
        result.append(entry)
    return result


def write_state(files, state, number):
    prefix = f"milestones/{number}/" if number else ""
    workload = workload_document(state)
    reviews = []
    for alias in workload["Lenses"]:
        key = "wellarchitected" if alias == "wellarchitected" else "custom"
        version = FRAMEWORK_VERSION if key == "wellarchitected" else state["custom"]
        lens = lens_of(alias, version)
        answers = state["answers"].get(key, {})
        notes = state["notes"].get(key, {})
        summaries = []
        pillar_risks = {}
        all_risks = []
        for p in lens["pillars"]:
            for q in p["questions"]:
                answer = answers.get(q["id"])
                r = risk(q, answer)
                pillar_risks.setdefault(p["id"], []).append(r)
                all_risks.append(r)
                applicable = (answer or {}).get("applicable", True)
                summary = {"QuestionId": q["id"], "PillarId": p["id"], "QuestionTitle": q["title"], "Choices": choices(q),
                           "SelectedChoices": [c["id"] for c in q["choices"] if c["id"] in (answer or {}).get("selected", [])
                                               and c["id"] not in (answer or {}).get("na", {})],
                           "ChoiceAnswerSummaries": choice_answers(q, answer, False), "IsApplicable": applicable, "Risk": r,
                           "QuestionType": "NON_PRIORITIZED"}
                full = {"QuestionId": q["id"], "PillarId": p["id"], "QuestionTitle": q["title"],
                        "QuestionDescription": q.get("description", q["title"]), "Choices": choices(q),
                        "SelectedChoices": summary["SelectedChoices"], "ChoiceAnswers": choice_answers(q, answer, True),
                        "IsApplicable": applicable, "Risk": r}
                if not applicable:
                    summary["Reason"] = full["Reason"] = answer["reason"]
                if (answer or {}).get("notes"):
                    full["Notes"] = answer["notes"]
                summaries.append(summary)
                document = {"WorkloadId": WORKLOAD_ID, "LensAlias": alias, "LensArn": lens_arn(alias), "Answer": full}
                if number:
                    document["MilestoneNumber"] = number
                files[f"{prefix}lenses/{file_name(alias)}/answers/{file_name(q['id'])}.json"] = document
        listing = {"WorkloadId": WORKLOAD_ID, "LensAlias": alias, "LensArn": lens_arn(alias), "AnswerSummaries": summaries}
        if number:
            listing["MilestoneNumber"] = number
        files[f"{prefix}lenses/{file_name(alias)}/list-answers.json"] = listing
        pillars = []
        for p in lens["pillars"]:
            entry = {"PillarId": p["id"], "PillarName": p["name"], "RiskCounts": counts(pillar_risks[p["id"]])}
            if notes.get("pillars", {}).get(p["id"]):
                entry["Notes"] = notes["pillars"][p["id"]]
            pillars.append(entry)
        review = {"LensAlias": alias, "LensArn": lens_arn(alias), "LensVersion": version,
                  "LensName": FRAMEWORK_NAME if key == "wellarchitected" else lens["name"], "LensStatus": "CURRENT",
                  "PillarReviewSummaries": pillars, "UpdatedAt": workload["UpdatedAt"], "RiskCounts": counts(all_risks)}
        if notes.get("notes"):
            review["Notes"] = notes["notes"]
        document = {"WorkloadId": WORKLOAD_ID, "LensReview": review}
        if number:
            document["MilestoneNumber"] = number
        files[f"{prefix}lenses/{file_name(alias)}/get-lens-review.json"] = document
        reviews.append({k: review[k] for k in ("LensAlias", "LensArn", "LensVersion", "LensName", "LensStatus", "UpdatedAt", "RiskCounts")})
        if key == "custom":
            files[f"lens-exports/{file_name(alias)}/{file_name(version)}.json"] = {"LensJSON": json.dumps(lens, indent=2, ensure_ascii=False)}
    listing = {"WorkloadId": WORKLOAD_ID, "LensReviewSummaries": reviews}
    if number:
        listing["MilestoneNumber"] = number
    files[f"{prefix}list-lens-reviews.json"] = listing
    totals = {}
    for review in reviews:
        for r, n in review["RiskCounts"].items():
            totals[r] = totals.get(r, 0) + n
    workload["RiskCounts"] = totals
    return workload


def lens_arn(alias):
    return CUSTOM_ARN if alias.startswith("arn:") else f"arn:aws:wellarchitected::aws:lens/{alias}"


def workload_document(state):
    w = copy.deepcopy(PRESENT_WORKLOAD)
    w.update(state["workload"])
    document = {"WorkloadId": WORKLOAD_ID, "WorkloadArn": f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:workload/{WORKLOAD_ID}"}
    for key in ("WorkloadName", "Description", "Environment", "UpdatedAt", "AccountIds", "AwsRegions", "NonAwsRegions",
                "ArchitecturalDesign", "ReviewOwner", "IndustryType", "Industry", "Notes", "ImprovementStatus", "PillarPriorities"):
        document[key] = w[key]
    document.update({"Lenses": ["wellarchitected", CUSTOM_ARN], "Owner": ACCOUNT, "Tags": w["Tags"]})
    return document


def generate():
    files = {}
    summaries = []
    for state in STATES:
        number = state["milestone"][0] if state["milestone"] else None
        workload = write_state(files, state, number)
        if number:
            _, name, recorded = state["milestone"]
            files[f"milestones/{number}/get-milestone.json"] = {
                "WorkloadId": WORKLOAD_ID,
                "Milestone": {"MilestoneNumber": number, "MilestoneName": name, "RecordedAt": recorded, "Workload": workload}}
            summaries.append({"MilestoneNumber": number, "MilestoneName": name, "RecordedAt": recorded, "WorkloadSummary": {
                "WorkloadId": WORKLOAD_ID, "WorkloadArn": workload["WorkloadArn"], "WorkloadName": workload["WorkloadName"],
                "Owner": ACCOUNT, "UpdatedAt": workload["UpdatedAt"], "Lenses": workload["Lenses"],
                "RiskCounts": workload["RiskCounts"], "ImprovementStatus": workload["ImprovementStatus"]}})
        else:
            workload["DiscoveryConfig"] = {"TrustedAdvisorIntegrationStatus": "DISABLED"}
            files["get-workload.json"] = {"Workload": workload}
    files["list-milestones.json"] = {"WorkloadId": WORKLOAD_ID, "MilestoneSummaries": list(reversed(summaries))}
    files["list-workload-shares.json"] = {"WorkloadId": WORKLOAD_ID, "WorkloadShareSummaries": SHARES}

    differs = {}
    for number, key, qid, service_risk in DIFFERENCES:
        alias = "wellarchitected" if key == "wellarchitected" else CUSTOM_ARN
        path = (f"milestones/{number}/" if number else "") + f"lenses/{file_name(alias)}/answers/{file_name(qid)}.json"
        document = copy.deepcopy(files[path])
        assert document["Answer"]["Risk"] != service_risk, path
        document["Answer"]["Risk"] = service_risk
        differs[path] = document
    return {"dump": files, "risk-differs": differs}


def text(document):
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    for directory, files in generate().items():
        base = os.path.join(HERE, directory)
        expected = {path: text(doc) for path, doc in files.items()}
        present = set()
        if os.path.isdir(base):
            for parent, _, names in os.walk(base):
                for name in names:
                    present.add(os.path.relpath(os.path.join(parent, name), base))
        for path in sorted(present - set(expected)):
            stale.append(f"{directory}/{path}: not generated")
            if not check:
                os.remove(os.path.join(base, path))
        for path, content in sorted(expected.items()):
            target = os.path.join(base, path)
            current = open(target, encoding="utf-8").read() if os.path.exists(target) else None
            if current != content:
                stale.append(f"{directory}/{path}: differs")
                if not check:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(content)
    if check and stale:
        print("\n".join(stale), file=sys.stderr)
        print("the fixtures are stale: run Tests/WelltreeAWSTests/Fixtures/generate-dump.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
