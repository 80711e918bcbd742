#!/usr/bin/env python3
"""A stand-in for the AWS CLI's `aws wellarchitected ...`, for tests: it records every call and
answers as the service would, from a state kept in a JSON file, so `apply.sh` (written by
`welltree export aws`) and `scripts/aws-export` run against it unchanged.

Environment:
  FAKE_AWS_STATE  the state file (created on the first call)
  FAKE_AWS_LOG    each call appended as one JSON line: {"command", "arguments", "input"}
                  ("input" is the request: --cli-input-json's document with the command line's
                  parameters laid over it, as the CLI sends it)

It implements the operations `apply.sh` and `scripts/aws-export` call, with the service's
behaviour that matters to them: ids and ARNs assigned on creation (ImportLens, CreateWorkload,
CreateWorkloadShare), client request tokens (a repeated token returns the first response), custom
lenses imported as drafts and published by CreateLensVersion, a lens review on the lens's latest
version when it is associated, milestones as snapshots (CreateMilestone, UpgradeLensReview,
which records one and moves the lens review to the lens's latest version), answers and lens
reviews read back per milestone. Lists come in one page. `--query` takes a key or a list of keys;
`--output text` prints their values separated by tabs. Unknown commands or arguments exit 252, as
the CLI does for a usage error.
"""
import copy
import hashlib
import json
import os
import sys

ACCOUNT = "123456789012"
REGION = "us-east-1"
AWS_LENS_VERSION = "2023-10-03"
NOW = "2026-04-01T10:00:00+00:00"


def fail(message, status=252):
    print(f"fake aws: {message}", file=sys.stderr)
    sys.exit(status)


def option_name(text):
    """--workload-id -> WorkloadId."""
    return "".join(part.capitalize() for part in text[2:].split("-"))


KNOWN_NAMES = {"JsonString": "JSONString"}
LIST_OPTIONS = {"--lens-aliases", "--tag-keys"}
INTEGER_OPTIONS = {"--milestone-number", "--max-results"}


def parse(argv):
    if len(argv) < 2 or argv[0] != "wellarchitected":
        fail(f"usage: aws wellarchitected COMMAND ... (got {argv})")
    command, rest = argv[1], argv[2:]
    request, query, output = {}, None, "json"
    index = 0
    while index < len(rest):
        word = rest[index]
        if not word.startswith("--"):
            fail(f"unexpected argument {word!r}")
        values = []
        index += 1
        while index < len(rest) and not rest[index].startswith("--"):
            values.append(rest[index])
            index += 1
        if word == "--cli-input-json":
            if len(values) != 1 or not values[0].startswith("file://"):
                fail("--cli-input-json takes file://PATH")
            with open(values[0][len("file://"):], encoding="utf-8") as f:
                document = json.load(f)
            # Command-line parameters override the file's, whatever their order.
            request = {**document, **request}
        elif word == "--query":
            query = values[0]
        elif word == "--output":
            output = values[0]
        elif word in LIST_OPTIONS:
            request[option_name(word)] = values
        else:
            if len(values) != 1:
                fail(f"{word} takes one value, got {values}")
            name = option_name(word)
            name = KNOWN_NAMES.get(name, name)
            request[name] = int(values[0]) if word in INTEGER_OPTIONS else values[0]
    return command, request, query, output


def new_id(state, kind):
    state["counter"] = state.get("counter", 0) + 1
    return hashlib.sha256(f"{kind}{state['counter']}".encode()).hexdigest()[:32]


def workload_of(state, request):
    workload = state["workloads"].get(request.get("WorkloadId", ""))
    if workload is None:
        fail(f"ResourceNotFoundException: no workload {request.get('WorkloadId')!r}", 254)
    return workload


def lens_of(state, alias):
    if alias.startswith("arn:"):
        lens = state["lenses"].get(alias)
        if lens is None:
            fail(f"ResourceNotFoundException: no lens {alias!r}", 254)
        return lens
    return None


def latest(state, alias):
    lens = lens_of(state, alias)
    if lens is None:
        return AWS_LENS_VERSION
    if not lens["versions"]:
        fail(f"ValidationException: lens {alias} has no published version", 254)
    return lens["versions"][-1]["version"]


def review_state(workload, milestone):
    if milestone is None:
        return workload["present"]
    for m in workload["milestones"]:
        if m["MilestoneNumber"] == milestone:
            return m["state"]
    fail(f"ResourceNotFoundException: no milestone {milestone}", 254)


def workload_document(workload, state):
    w = state["properties"]
    document = {
        "WorkloadId": workload["WorkloadId"],
        "WorkloadArn": workload["WorkloadArn"],
        **w,
        "Lenses": [review["LensAlias"] for review in state["reviews"]],
        "Owner": ACCOUNT,
        "UpdatedAt": NOW,
        "RiskCounts": {},
    }
    if state["tags"]:
        document["Tags"] = state["tags"]
    return document


def record_milestone(workload, name):
    number = len(workload["milestones"]) + 1
    workload["milestones"].append(
        {"MilestoneNumber": number, "MilestoneName": name, "RecordedAt": NOW, "state": copy.deepcopy(workload["present"])}
    )
    return number


def find_review(state, alias):
    for review in state["reviews"]:
        if review["LensAlias"] == alias:
            return review
    fail(f"ValidationException: lens {alias!r} is not associated with the workload", 254)


def answer_document(question, answer):
    selected = list(answer.get("SelectedChoices", []))
    choice_answers = []
    for choice, update in sorted(answer.get("ChoiceAnswers", {}).items()):
        item = {"ChoiceId": choice, "Status": "NOT_APPLICABLE", "Reason": update.get("Reason", "NONE")}
        if update.get("Notes"):
            item["Notes"] = update["Notes"]
        choice_answers.append(item)
    document = {
        "QuestionId": question,
        "SelectedChoices": selected,
        "ChoiceAnswers": choice_answers,
        "IsApplicable": answer.get("IsApplicable", True),
    }
    if answer.get("Reason"):
        document["Reason"] = answer["Reason"]
    if answer.get("Notes"):
        document["Notes"] = answer["Notes"]
    return document


def handle(state, command, request):
    token = request.get("ClientRequestToken")
    if token is not None:
        seen = state["tokens"].get(token)
        if seen is not None:
            return seen
    response = operate(state, command, request)
    if token is not None:
        state["tokens"][token] = response
    return response


def operate(state, command, r):
    if command == "import-lens":
        document = json.loads(r["JSONString"])
        if "LensAlias" in r:
            lens = lens_of(state, r["LensAlias"])
            arn = r["LensAlias"]
        else:
            arn = f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:lens/{new_id(state, 'lens')}"
            lens = state["lenses"][arn] = {"versions": []}
        lens["draft"] = r["JSONString"]
        lens["name"] = document.get("name")
        return {"LensArn": arn, "Status": "COMPLETE"}
    if command == "create-lens-version":
        lens = lens_of(state, r["LensAlias"])
        if "draft" not in lens:
            fail("ValidationException: the lens has no draft", 254)
        if any(v["version"] == r["LensVersion"] for v in lens["versions"]):
            fail("ConflictException: the version exists", 254)
        lens["versions"].append({"version": r["LensVersion"], "json": lens.pop("draft"), "major": r.get("IsMajorVersion", False)})
        return {"LensArn": r["LensAlias"], "LensVersion": r["LensVersion"]}
    if command == "create-workload":
        workload_id = new_id(state, "workload")
        properties = {k: v for k, v in r.items() if k not in ("Lenses", "Tags", "ClientRequestToken")}
        properties.setdefault("ImprovementStatus", "NOT_STARTED")
        reviews = [{"LensAlias": alias, "LensVersion": latest(state, alias), "answers": {}, "notes": {}} for alias in r["Lenses"]]
        arn = f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:workload/{workload_id}"
        state["workloads"][workload_id] = {
            "WorkloadId": workload_id,
            "WorkloadArn": arn,
            "present": {"properties": properties, "tags": dict(r.get("Tags", {})), "reviews": reviews},
            "milestones": [],
            "shares": [],
        }
        return {"WorkloadId": workload_id, "WorkloadArn": arn}
    if command == "update-workload":
        workload = workload_of(state, r)
        properties = workload["present"]["properties"]
        for key, value in r.items():
            if key == "WorkloadId":
                continue
            if value in ("", []):
                properties.pop(key, None)
            else:
                properties[key] = value
        return {"Workload": workload_document(workload, workload["present"])}
    if command in ("tag-resource", "untag-resource"):
        matches = [w for w in state["workloads"].values() if w["WorkloadArn"] == r["WorkloadArn"]]
        if not matches:
            fail(f"ResourceNotFoundException: no workload {r['WorkloadArn']!r}", 254)
        tags = matches[0]["present"]["tags"]
        if command == "tag-resource":
            tags.update(r["Tags"])
        else:
            for key in r["TagKeys"]:
                tags.pop(key, None)
        return {}
    if command == "associate-lenses":
        present = workload_of(state, r)["present"]
        for alias in r["LensAliases"]:
            if not any(review["LensAlias"] == alias for review in present["reviews"]):
                present["reviews"].append({"LensAlias": alias, "LensVersion": latest(state, alias), "answers": {}, "notes": {}})
        return {}
    if command == "disassociate-lenses":
        present = workload_of(state, r)["present"]
        present["reviews"] = [review for review in present["reviews"] if review["LensAlias"] not in r["LensAliases"]]
        return {}
    if command == "update-answer":
        review = find_review(workload_of(state, r)["present"], r["LensAlias"])
        answer = review["answers"].setdefault(r["QuestionId"], {})
        if "SelectedChoices" in r:
            answer["SelectedChoices"] = r["SelectedChoices"]
        marks = answer.setdefault("ChoiceAnswers", {})
        for choice, update in r.get("ChoiceUpdates", {}).items():
            if update["Status"] == "NOT_APPLICABLE":
                marks[choice] = {key: update[key] for key in ("Reason", "Notes") if key in update}
            else:
                marks.pop(choice, None)
                if update["Status"] == "SELECTED" and choice not in answer.get("SelectedChoices", []):
                    answer.setdefault("SelectedChoices", []).append(choice)
        if "Notes" in r:
            answer["Notes"] = r["Notes"]
        answer["IsApplicable"] = r.get("IsApplicable", True)
        if answer["IsApplicable"]:
            answer.pop("Reason", None)
        elif "Reason" in r:
            answer["Reason"] = r["Reason"]
        return {"WorkloadId": r["WorkloadId"], "LensAlias": r["LensAlias"], "Answer": answer_document(r["QuestionId"], answer)}
    if command == "update-lens-review":
        review = find_review(workload_of(state, r)["present"], r["LensAlias"])
        if "LensNotes" in r:
            review["notes"]["lens"] = r["LensNotes"]
        for pillar, text in r.get("PillarNotes", {}).items():
            review["notes"].setdefault("pillars", {})[pillar] = text
        return {}
    if command == "create-milestone":
        workload = workload_of(state, r)
        return {"WorkloadId": workload["WorkloadId"], "MilestoneNumber": record_milestone(workload, r["MilestoneName"])}
    if command == "upgrade-lens-review":
        workload = workload_of(state, r)
        review = find_review(workload["present"], r["LensAlias"])
        record_milestone(workload, r["MilestoneName"])
        review["LensVersion"] = latest(state, r["LensAlias"])
        return {}
    if command == "create-workload-share":
        workload = workload_of(state, r)
        share_id = new_id(state, "share")
        workload["shares"].append(
            {"ShareId": share_id, "SharedWith": r["SharedWith"], "PermissionType": r["PermissionType"], "Status": "PENDING"}
        )
        return {"WorkloadId": workload["WorkloadId"], "ShareId": share_id}
    return read(state, command, r)


def read(state, command, r):
    """The reading operations scripts/aws-export calls."""
    if command == "export-lens":
        lens = lens_of(state, r["LensAlias"])
        for version in lens["versions"]:
            if version["version"] == r.get("LensVersion"):
                return {"LensJSON": version["json"]}
        fail("ResourceNotFoundException: no such lens version", 254)
    workload = workload_of(state, r)
    milestone = r.get("MilestoneNumber")
    identity = {"WorkloadId": workload["WorkloadId"]}
    if milestone is not None:
        identity["MilestoneNumber"] = milestone
    if command == "get-workload":
        return {"Workload": workload_document(workload, workload["present"])}
    if command == "list-milestones":
        return {
            **identity,
            "MilestoneSummaries": [
                {"MilestoneNumber": m["MilestoneNumber"], "MilestoneName": m["MilestoneName"], "RecordedAt": m["RecordedAt"]}
                for m in workload["milestones"]
            ],
        }
    if command == "get-milestone":
        for m in workload["milestones"]:
            if m["MilestoneNumber"] == milestone:
                return {
                    "WorkloadId": workload["WorkloadId"],
                    "Milestone": {
                        "MilestoneNumber": milestone,
                        "MilestoneName": m["MilestoneName"],
                        "RecordedAt": m["RecordedAt"],
                        "Workload": workload_document(workload, m["state"]),
                    },
                }
        fail("ResourceNotFoundException: no such milestone", 254)
    if command == "list-workload-shares":
        return {**identity, "WorkloadShareSummaries": workload["shares"]}
    reviews = review_state(workload, milestone)["reviews"]
    if command == "list-lens-reviews":
        return {
            **identity,
            "LensReviewSummaries": [
                {"LensAlias": review["LensAlias"], "LensVersion": review["LensVersion"], "LensStatus": "CURRENT", "UpdatedAt": NOW}
                for review in reviews
            ],
        }
    review = find_review({"reviews": reviews}, r["LensAlias"])
    if command == "get-lens-review":
        notes = review["notes"]
        document = {"LensAlias": review["LensAlias"], "LensVersion": review["LensVersion"], "UpdatedAt": NOW}
        if notes.get("lens"):
            document["Notes"] = notes["lens"]
        pillars = [{"PillarId": p, "Notes": text} for p, text in sorted(notes.get("pillars", {}).items()) if text]
        if pillars:
            document["PillarReviewSummaries"] = pillars
        return {**identity, "LensReview": document}
    if command == "list-answers":
        return {
            **identity,
            "LensAlias": review["LensAlias"],
            "AnswerSummaries": [{"QuestionId": q} for q in sorted(review["answers"])],
        }
    if command == "get-answer":
        answer = review["answers"].get(r["QuestionId"])
        if answer is None:
            fail("ResourceNotFoundException: no such question", 254)
        return {**identity, "LensAlias": review["LensAlias"], "Answer": answer_document(r["QuestionId"], answer)}
    fail(f"unknown command {command!r}")


def main():
    command, request, query, output = parse(sys.argv[1:])
    path = os.environ["FAKE_AWS_STATE"]
    state = {"workloads": {}, "lenses": {}, "tokens": {}}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
    if "FAKE_AWS_LOG" in os.environ:
        with open(os.environ["FAKE_AWS_LOG"], "a", encoding="utf-8") as f:
            f.write(json.dumps({"command": command, "arguments": sys.argv[1:], "input": request}) + "\n")
    request.pop("MaxResults", None)
    response = handle(state, command, request)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(state, f)
    if query:
        keys = [k.strip() for k in query.strip("[]").split(",")]
        values = [response.get(k) for k in keys]
        if output == "text":
            print("\t".join("None" if v is None else str(v) for v in values))
        else:
            print(json.dumps(values if query.startswith("[") else values[0]))
    else:
        print(json.dumps(response, indent=4))


if __name__ == "__main__":
    main()
