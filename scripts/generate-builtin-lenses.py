#!/usr/bin/env python3
"""Generate the four built-in AWS lenses that `welltree init` lays down.

Usage:
    scripts/generate-builtin-lenses.py [--reference DIR] [--out DIR] [--levels FILE] [--welltree BINARY] [--check]

Reads the reference facts (ids, titles, risk levels or tiers, documentation links) from
--reference (default: ../shared/reference relative to the project root) and writes, per lens
alias, <out>/<alias>/lens.json (metadata, every published version) and
<out>/<alias>/versions/<current>.json (the current version of the lens document) as canonical
JSON. Earlier versions are published and immutable: their files are never written again, only
checked against the git blob ids recorded in PUBLISHED below (and copied from the project's
workspace-template when --out is another directory). --out defaults to workspace-template/lenses in the project root. It also
writes the risk level of every best practice of the lenses whose rules derive from levels to
--levels (default: Tests/WelltreeCoreTests/Fixtures/builtin-lens-levels.json), which the Swift
tests use to check the rules against the documented derivation.

Only facts are taken from the reference. Every description, helpful text and improvement plan text
is composed here, in the project's own words, and points to the AWS page for the full guidance.
An improvement plan states the best practice, the risk its absence carries under the rules this
script writes for its question, and the AWS page it links to.

This script owns generation only: reading the reference, deriving the rules, writing the texts.
The lens rules (limits, ids, the condition grammar, how rules evaluate, canonical JSON) have one
definition, Welltree's Swift code, and the script asks it: every lens file is checked with
`welltree lens validate --official` (--welltree, default .build/debug/welltree, then
.build/release/welltree, then welltree on PATH; build it first with
`swift build --product welltree`). `swift test --filter BuiltinLensTests` checks the rest in Swift:
canonical bytes, metadata, ids and None of these choices, characters, and the risks of every
question against the derivation.

--check writes nothing: it fails when the files differ from what this script would generate (or,
for a published version, from its recorded blob id), when they differ from the reference CSVs (the same pillars, questions and choices in the same order,
titles and links), or when `welltree lens validate --official` rejects one. Generation runs the
same checks on its output before writing anything.

Python 3 standard library only. Output is deterministic: the same reference gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = PROJECT_ROOT / ".." / "shared" / "reference"
DEFAULT_OUT = PROJECT_ROOT / "workspace-template" / "lenses"
DEFAULT_LEVELS = PROJECT_ROOT / "Tests" / "WelltreeCoreTests" / "Fixtures" / "builtin-lens-levels.json"

SCHEMA_VERSION = "2021-11-01"
# Every version of the built-in lenses, oldest first: (version, isMajor, createdAt). The last is
# the one this script writes. 1.1 (minor) replaced 1.0's improvement plan texts; its rules,
# pillars, questions and choices are those of 1.0, so workloads move to it by themselves.
VERSIONS = [
    ("1.0", True, "2026-11-27T00:00:00Z"),
    ("1.1", False, "2026-12-04T00:00:00Z"),
]
LENS_VERSION = VERSIONS[-1][0]
# Published versions are immutable (docs/milestones.md): a workspace holds them as they were
# shipped, milestones refer to them, and the CI gate compares them with what Welltree ships. Their
# files are kept as they are, identified by git blob id (`git hash-object FILE`), never regenerated.
PUBLISHED = {
    "wellarchitected": {"1.0": "e3e1ed9fdd31d70fddcbb6031c5813fb398f2a5a"},
    "serverless": {"1.0": "f5099d2811dccc31751040c0fe84600812800bac"},
    "softwareasaservice": {"1.0": "698131bb76b06377742ca3eb3ef3293a5fc9487f"},
    "foundationaltechnicalreview": {"1.0": "97267a153fd88fac57abfbb716e91f91fc5caca2"},
}
NONE_TITLE = "None of these"

# The title limit as the texts below state it. Welltree enforces it (LensLimits.nameLength): a
# title over it fails `welltree lens validate` until a short form is listed below.
TITLE_LIMIT_TEXT = "128"

FRAMEWORK_PILLAR_NAMES = OrderedDict(
    [
        ("operationalExcellence", "Operational Excellence"),
        ("security", "Security"),
        ("reliability", "Reliability"),
        ("performance", "Performance Efficiency"),
        ("costOptimization", "Cost Optimization"),
        ("sustainability", "Sustainability"),
    ]
)
# Pillar whitepapers of the framework, used as each framework question's helpful resource
# (the CSV links best practices, not questions).
FRAMEWORK_PILLAR_DOCS = {
    "operationalExcellence": "operational-excellence-pillar",
    "security": "security-pillar",
    "reliability": "reliability-pillar",
    "performance": "performance-efficiency-pillar",
    "costOptimization": "cost-optimization-pillar",
    "sustainability": "sustainability-pillar",
}

# framework-lens.csv rows that are not choices of the AWS tool lens (2024-06-27, the version the
# "None of these" ids come from). Keyed by the CSV's choice_id column.
FRAMEWORK_EXCLUDED = OrderedDict(
    [
        (
            "rel_testing_resiliency_test_functional",
            "Test functional requirements (REL12): absent from the 2024-06-27 tool lens, "
            "only in an older snapshot",
        ),
        (
            "(docs-only) sus_sus_dev_a1",
            "SUS06-BP01 Communicate and cascade your sustainability goals: documentation only, "
            "no tool id, no pillar",
        ),
    ]
)

# Titles longer than the 128-character limit, shortened with the least change of wording.
# The exact AWS title is kept in the question description (or the choice description). A title
# listed here is always replaced; `welltree lens validate` rejects any other title over the limit.
QUESTION_TITLE_SHORT = {
    ("wellarchitected", "application-security"): (
        "How do you incorporate and validate the security properties of applications "
        "throughout design, development, and deployment?"
    ),
    ("softwareasaservice", "ops_q2"): (
        "How are you capturing and surfacing metric data that can be used to analyze usage "
        "and consumption trends of individual tenants?"
    ),
}
CHOICE_TITLE_SHORT = {
    ("foundationaltechnicalreview", "rel_q1", "rel_rel_q1_a2"): (
        "Establish a Recovery Time Objective (RTO) to meet business needs and expectations."
    ),
}
PUBLISHED_FILES = {f"{alias}/versions/{version}.json" for alias, versions in PUBLISHED.items() for version in versions}

SERVERLESS_TIER_LEVEL = {"Required": "HIGH", "Good": "MEDIUM", "Best": "LOW"}


# --------------------------------------------------------------------------------------------
# Reading the reference


class ReferenceDataError(Exception):
    pass


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def framework_facts(ref: Path) -> dict:
    """Pillars, questions and choices of the framework lens, from framework-lens.csv."""
    rows = read_csv(ref / "framework-lens.csv")
    none_ids = json.loads((ref / "framework-none-of-these.json").read_text(encoding="utf-8"))
    seen_excluded = set()
    pillars: "OrderedDict[str, OrderedDict[str, dict]]" = OrderedDict()
    for row in rows:
        cid = row["choice_id"]
        if cid in FRAMEWORK_EXCLUDED:
            seen_excluded.add(cid)
            continue
        pid, qid = row["pillar_id"], row["question_id"]
        if pid not in FRAMEWORK_PILLAR_NAMES:
            raise ReferenceDataError(f"framework-lens.csv: unknown pillar {pid!r} for choice {cid!r}")
        q = pillars.setdefault(pid, OrderedDict()).setdefault(
            qid, {"id": qid, "title": row["question_title"], "choices": [], "none": None}
        )
        if row["question_title"] != q["title"]:
            raise ReferenceDataError(f"framework-lens.csv: question {qid} has two titles")
        if row["choice_title_tool"] == NONE_TITLE or cid.endswith("_no"):
            q["none"] = cid
            continue
        if row["risk_level"] not in ("HIGH", "MEDIUM", "LOW"):
            raise ReferenceDataError(f"framework-lens.csv: {cid} has risk level {row['risk_level']!r}")
        if not re.fullmatch(r"[A-Z]{3,4}\d\d-BP\d\d", row["bp_id_docs"]) or not row["bp_title_docs"]:
            raise ReferenceDataError(f"framework-lens.csv: {cid} has no best practice id and title")
        q["choices"].append(
            {"id": cid, "title": row["choice_title_tool"], "level": row["risk_level"],
             "url": row["doc_url"], "bp": row["bp_id_docs"], "bp_title": row["bp_title_docs"]}
        )
    missing = set(FRAMEWORK_EXCLUDED) - seen_excluded
    if missing:
        raise ReferenceDataError(f"framework-lens.csv: excluded rows no longer present: {sorted(missing)}")
    questions = [q for qs in pillars.values() for q in qs.values()]
    if set(none_ids) != {q["id"] for q in questions}:
        raise ReferenceDataError("framework-none-of-these.json and framework-lens.csv list different questions")
    for q in questions:
        if q["none"] is not None and q["none"] != none_ids[q["id"]]:
            raise ReferenceDataError(
                f"question {q['id']}: CSV None-of-these {q['none']} differs from "
                f"framework-none-of-these.json {none_ids[q['id']]}"
            )
        q["none"] = none_ids[q["id"]]
    return {"pillars": [(pid, FRAMEWORK_PILLAR_NAMES[pid], list(qs.values())) for pid, qs in pillars.items()]}


def aws_lens_facts(path: Path, alias: str) -> dict:
    """Pillars, questions and choices of an AWS lens CSV (rows with in_tool == yes)."""
    rows = read_csv(path)
    skipped = []
    pillars: "OrderedDict[str, dict]" = OrderedDict()
    for row in rows:
        if row["lens_alias"] != alias:
            raise ReferenceDataError(f"{path.name}: row for lens {row['lens_alias']!r}")
        if row["in_tool"] != "yes":
            skipped.append(row)
            continue
        pid, qid = row["pillar_id"], row["question_id_aws"]
        p = pillars.setdefault(pid, {"name": row["pillar_name"], "questions": OrderedDict()})
        if p["name"] != row["pillar_name"]:
            raise ReferenceDataError(f"{path.name}: pillar {pid} has two names")
        q = p["questions"].setdefault(
            qid, {"id": qid, "title": row["question_title"], "url": row["doc_url"], "rows": []}
        )
        if q["title"] != row["question_title"] or q["url"] != row["doc_url"]:
            raise ReferenceDataError(f"{path.name}: question {qid} has two titles or links")
        q["rows"].append(row)
    for p in pillars.values():
        for q in p["questions"].values():
            ordered = sorted(q["rows"], key=lambda r: int(r["choice_order"]))
            if [int(r["choice_order"]) for r in ordered] != list(range(1, len(ordered) + 1)):
                raise ReferenceDataError(f"{path.name}: question {q['id']} choice_order has gaps")
            nones = [r for r in ordered if r["is_none_choice"] == "true"]
            if len(nones) != 1 or nones[0] is not ordered[-1]:
                raise ReferenceDataError(f"{path.name}: question {q['id']} needs one None choice, last")
            q["none"] = nones[0]["choice_id_aws"]
            q["choices"] = [
                {"id": r["choice_id_aws"], "title": r["best_practice_title"],
                 "tier": r["bp_tier_published"], "url": r["doc_url"]}
                for r in ordered[:-1]
            ]
            del q["rows"]
    return {
        "pillars": [(pid, p["name"], list(p["questions"].values())) for pid, p in pillars.items()],
        "skipped": skipped,
    }


# --------------------------------------------------------------------------------------------
# Texts in the project's own words


def bare(title: str) -> str:
    return title.rstrip(". ")


def question_lead(title: str) -> str:
    """A first sentence composed from a question title."""
    for pattern, template in (
        (r"^How do you (.+)\?$", "Review how you {0}."),
        (r"^How are you (.+)\?$", "Review how you are {0}."),
        (r"^How have you (.+)\?$", "Review how you have {0}."),
    ):
        m = re.match(pattern, title)
        if m:
            return template.format(m.group(1))
    return f"Consider this for the workload as it runs today: {title}"


def full_title_note(title: str) -> str:
    return f" Full title in the AWS tool, shortened here to fit the {TITLE_LIMIT_TEXT}-character limit: {title}"


def display_choice_title(alias: str, qid: str, c: dict) -> str:
    return CHOICE_TITLE_SHORT.get((alias, qid, c["id"]), c["title"])


RISK_WORDS = {"NO_RISK": "no risk", "MEDIUM_RISK": "medium risk", "HIGH_RISK": "high risk"}
SEVERITY = {"NO_RISK": 0, "MEDIUM_RISK": 1, "HIGH_RISK": 2}


def rule_risk(rules: list[dict], in_place: set[str]) -> str:
    """The risk `rules` (as this script writes them: `default`, or choice ids joined by ` && `
    or by ` || `) give a question whose best practices in place are `in_place`. Used only to
    describe the rules in words; Welltree's evaluator is the definition, and BuiltinLensTests
    checks every sentence written from this against it."""
    for r in rules:
        condition = r["condition"]
        if condition == "default":
            return r["risk"]
        if " || " in condition:
            holds = any(i in in_place for i in condition.split(" || "))
        else:
            holds = all(i in in_place for i in condition.split(" && "))
        if holds:
            return r["risk"]
    raise ReferenceDataError("rules without a default rule")


def risk_consequence(rules: list[dict], choice_id: str, practices: list[str]) -> str:
    """What leaving out one best practice does to its question under `rules`, in one sentence:
    the risk with every other practice in place, and whether the practice alone lifts the
    question from its worst risk (it counts in combination with the others)."""
    without = rule_risk(rules, set(practices) - {choice_id})
    worst = rule_risk(rules, set())
    alone = rule_risk(rules, {choice_id})
    if without == "NO_RISK":
        return "In Welltree's rules for this lens, it does not change the question's risk."
    if without == worst:
        return f"In Welltree's rules for this lens, without it the question stays at {RISK_WORDS[without]}."
    text = f"In Welltree's rules for this lens, without it the question is at {RISK_WORDS[without]} at best"
    if SEVERITY[alone] < SEVERITY[worst]:
        text += f"; on its own it lifts the question from {RISK_WORDS[worst]} to {RISK_WORDS[alone]}"
    return text + "."


def improvement_text(lead: str, rules: list[dict], choice_id: str, practices: list[str], guidance: str) -> str:
    """An improvement plan: the best practice, the risk its absence carries, where the linked
    page is. Nothing else: no advice the reference does not back."""
    return f"{lead} {risk_consequence(rules, choice_id, practices)} {guidance}"


# --------------------------------------------------------------------------------------------
# Risk rules


def conj(ids: list[str]) -> str:
    return " && ".join(ids)


def disj(ids: list[str]) -> str:
    return " || ".join(ids)


def rule(condition: str, risk: str) -> dict:
    return {"condition": condition, "risk": risk}


def leveled_rules(choices: list[tuple[str, str]]) -> list[dict]:
    """Rules from (choice id, HIGH|MEDIUM|LOW): the framework derivation.

    NO_RISK when every HIGH and MEDIUM practice is selected, MEDIUM_RISK when every HIGH one
    is, HIGH_RISK otherwise; LOW practices never raise risk.
    """
    high = [c for c, lvl in choices if lvl == "HIGH"]
    high_medium = [c for c, lvl in choices if lvl in ("HIGH", "MEDIUM")]
    if high and len(high_medium) > len(high):
        return [rule(conj(high_medium), "NO_RISK"), rule(conj(high), "MEDIUM_RISK"),
                rule("default", "HIGH_RISK")]
    if high:  # no MEDIUM practice
        return [rule(conj(high), "NO_RISK"), rule("default", "HIGH_RISK")]
    if high_medium:  # no HIGH practice
        return [rule(conj(high_medium), "NO_RISK"), rule("default", "MEDIUM_RISK")]
    return [rule("default", "NO_RISK")]  # only LOW practices


def all_or_nothing_rules(ids: list[str]) -> list[dict]:
    return [rule(conj(ids), "NO_RISK"), rule("default", "HIGH_RISK")]


def graded_rules(ids: list[str]) -> list[dict]:
    if len(ids) == 1:
        return all_or_nothing_rules(ids)
    return [rule(conj(ids), "NO_RISK"), rule(disj(ids), "MEDIUM_RISK"), rule("default", "HIGH_RISK")]


# --------------------------------------------------------------------------------------------
# Building the lens documents


def short_form(where: str, title: str, short: str) -> str:
    """A listed short form, which must be shorter than the title it replaces."""
    if len(short) >= len(title):
        raise ReferenceDataError(f"{where}: the short form listed is not shorter than the title")
    return short


def short_question_title(alias: str, q: dict) -> tuple[str, bool]:
    key = (alias, q["id"])
    if key not in QUESTION_TITLE_SHORT:
        return q["title"], False
    return short_form(f"{alias}/{q['id']}", q["title"], QUESTION_TITLE_SHORT[key]), True


def choice_entry(alias: str, qid: str, c: dict, helpful: str, improvement: str) -> dict:
    key = (alias, qid, c["id"])
    entry = {
        "id": c["id"],
        "title": c["title"],
        "helpfulResource": {"displayText": helpful, "url": c["url"]},
        "improvementPlan": {"displayText": improvement, "url": c["url"]},
    }
    if key in CHOICE_TITLE_SHORT:
        entry["title"] = short_form(f"{alias}/{qid}/{c['id']}", c["title"], CHOICE_TITLE_SHORT[key])
        entry["description"] = (
            f"Full title in the AWS tool, shortened here to fit the {TITLE_LIMIT_TEXT}-character limit: "
            f"{c['title']}"
        )
    return entry


def none_entry(cid: str) -> dict:
    return {"id": cid, "title": NONE_TITLE}


def build_framework(ref: Path) -> dict:
    alias = "wellarchitected"
    facts = framework_facts(ref)
    pillars, shortened = [], []
    for pid, pname, questions in facts["pillars"]:
        out_questions = []
        for q in questions:
            title, short = short_question_title(alias, q)
            description = (
                f"{question_lead(q['title'])} Each {pname} best practice below links to its page "
                f"in the AWS Well-Architected Framework documentation."
            )
            if short:
                shortened.append(q["id"])
                description += full_title_note(q["title"])
            rules = leveled_rules([(c["id"], c["level"]) for c in q["choices"]])
            practices = [c["id"] for c in q["choices"]]
            choices = []
            for c in q["choices"]:
                t = bare(display_choice_title(alias, q["id"], c))
                helpful = (
                    f"What '{t}' involves and how to implement it, on its page of the AWS "
                    f"Well-Architected Framework. Risk exposed if it is not established: {c['level']}."
                )
                improvement = improvement_text(
                    f"{c['bp']} {bare(c['bp_title'])}. AWS rates the risk of leaving it out {c['level'].lower()}.",
                    rules, c["id"], practices,
                    "Guidance: its linked page in the AWS Well-Architected Framework.")
                choices.append(choice_entry(alias, q["id"], c, helpful, improvement))
            choices.append(none_entry(q["none"]))
            out_questions.append(
                {
                    "id": q["id"],
                    "title": title,
                    "description": description,
                    "helpfulResource": {
                        "displayText": (
                            f"The {pname} pillar of the AWS Well-Architected Framework, with the "
                            f"design principles and best practices behind this question."
                        ),
                        "url": f"https://docs.aws.amazon.com/wellarchitected/latest/{FRAMEWORK_PILLAR_DOCS[pid]}/welcome.html",
                    },
                    "choices": choices,
                    "riskRules": rules,
                }
            )
        pillars.append({"id": pid, "name": pname, "questions": out_questions})
    nq = sum(len(p["questions"]) for p in pillars)
    nbp = sum(len(q["choices"]) - 1 for p in pillars for q in p["questions"])
    description = (
        f"The AWS Well-Architected Framework lens as Welltree ships it: {len(pillars)} pillars, "
        f"{nq} questions and {nbp} best practices with the question and choice ids of the AWS "
        f"Well-Architected Tool lens (its 2024-06-27 version), each best practice linked to its page in "
        f"the AWS documentation. AWS does not publish the risk rules of its own lenses, so Welltree "
        f"derives them from the risk level AWS gives each best practice: NO_RISK when every HIGH and "
        f"MEDIUM best practice of the question is selected or not applicable, MEDIUM_RISK when every "
        f"HIGH one is, HIGH_RISK otherwise. LOW best practices never raise the risk. Edge cases: a "
        f"question with no HIGH practice is NO_RISK when all its MEDIUM ones are selected and "
        f"MEDIUM_RISK otherwise. A question with no MEDIUM practice is NO_RISK when all its HIGH "
        f"ones are selected and HIGH_RISK otherwise. A question with only LOW practices is NO_RISK "
        f"once answered. Selecting None of these alone gives the last rule. Risks can therefore "
        f"differ from those the AWS console shows. Left out of the reference: Test functional "
        f"requirements (REL 12), which the 2024-06-27 tool lens no longer has, and SUS06-BP01, which "
        f"exists only in the documentation. Question titles longer than {TITLE_LIMIT_TEXT} characters "
        f"({', '.join(shortened) or 'none'}) are shortened, with the full title in the question "
        f"description."
    )
    return {"schemaVersion": SCHEMA_VERSION, "name": "AWS Well-Architected Framework",
            "description": description, "pillars": pillars}


AWS_LENSES = OrderedDict(
    [
        ("serverless", {"file": "serverless.csv", "name": "Serverless Application Lens"}),
        ("softwareasaservice", {"file": "saas.csv", "name": "SaaS Lens"}),
        ("foundationaltechnicalreview", {"file": "ftr.csv", "name": "Foundational Technical Review Lens"}),
    ]
)


def build_aws_lens(ref: Path, alias: str) -> dict:
    spec = AWS_LENSES[alias]
    facts = aws_lens_facts(ref / "aws-lenses" / spec["file"], alias)
    pillars, shortened_q, shortened_c = [], [], []
    for pid, pname, questions in facts["pillars"]:
        out_questions = []
        for q in questions:
            title, short = short_question_title(alias, q)
            lead = question_lead(q["title"])
            ids = [c["id"] for c in q["choices"]]
            if alias == "serverless":
                second = (f"The {pname} practices below are tiered Required, Good and Best, and the "
                          f"AWS question page of the lens covers each of them.")
                q_help = ("This question on the AWS Serverless Application Lens pages, with its best "
                          "practices and improvement plan.")
                levels = []
                for c in q["choices"]:
                    if c["tier"] not in SERVERLESS_TIER_LEVEL:
                        raise ReferenceDataError(f"serverless.csv: {c['id']} has tier {c['tier']!r}")
                    levels.append((c["id"], SERVERLESS_TIER_LEVEL[c["tier"]]))
                rules = leveled_rules(levels)
            elif alias == "softwareasaservice":
                second = (f"Select every multi-tenant {pname} practice in place. The AWS question "
                          f"page of the SaaS Lens covers each one.")
                q_help = ("This question on the AWS SaaS Lens pages, with its best practices and "
                          "improvement plan.")
                rules = graded_rules(ids)
            else:
                second = ("A Foundational Technical Review expects every practice below. The AWS "
                          "Partner Hosted FTR checklist sets out the requirements.")
                q_help = ("The AWS Partner Hosted Foundational Technical Review checklist, which sets "
                          "out the requirements behind this question.")
                rules = all_or_nothing_rules(ids)
            description = f"{lead} {second}"
            if short:
                shortened_q.append(q["id"])
                description += full_title_note(q["title"])
            choices = []
            for c in q["choices"]:
                t = bare(display_choice_title(alias, q["id"], c))
                if alias == "serverless":
                    helpful = (f"What '{t}' involves ({c['tier']} tier), on the AWS question page of "
                               f"the Serverless Application Lens.")
                    lead = f"{t}. AWS tiers it {c['tier']} (of Required, Good and Best)."
                    guidance = "Guidance: the linked AWS question page of the Serverless Application Lens."
                elif alias == "softwareasaservice":
                    helpful = (f"What '{t}' involves for a multi-tenant workload, on the AWS question "
                               f"page of the SaaS Lens.")
                    lead = f"{t}."
                    guidance = "Guidance: the linked AWS question page of the SaaS Lens."
                else:
                    helpful = (f"What '{t}' requires, with the related items of the AWS Partner Hosted "
                               f"FTR checklist.")
                    lead = f"{t}."
                    guidance = "Requirements: the linked AWS Partner Hosted FTR checklist."
                entry = choice_entry(alias, q["id"], c, helpful, improvement_text(lead, rules, c["id"], ids, guidance))
                if "description" in entry:
                    shortened_c.append(c["id"])
                choices.append(entry)
            choices.append(none_entry(q["none"]))
            out_questions.append(
                {
                    "id": q["id"],
                    "title": title,
                    "description": description,
                    "helpfulResource": {"displayText": q_help, "url": q["url"]},
                    "choices": choices,
                    "riskRules": rules,
                }
            )
        pillars.append({"id": pid, "name": pname, "questions": out_questions})

    nq = sum(len(p["questions"]) for p in pillars)
    nbp = sum(len(q["choices"]) - 1 for p in pillars for q in p["questions"])
    counts = f"{len(pillars)} pillars, {nq} questions and {nbp} best practices"
    notes = ""
    if shortened_q:
        notes += (f" Question titles longer than {TITLE_LIMIT_TEXT} characters ({', '.join(shortened_q)}) are "
                  f"shortened, with the full title in the question description.")
    if shortened_c:
        notes += (f" Best practice titles longer than {TITLE_LIMIT_TEXT} characters ({', '.join(shortened_c)}) "
                  f"keep their first sentence, with the full title in the choice description.")
    if alias == "serverless":
        description = (
            f"The AWS Serverless Application Lens as Welltree ships it: {counts}, with the question and "
            f"choice ids of the AWS Well-Architected Tool and links to the AWS question pages. AWS "
            f"publishes no risk levels or risk rules for this lens, so the rules are Welltree's own. AWS "
            f"tiers each best practice Required, Good or Best (in its Building well-architected "
            f"serverless applications series). Welltree treats Required as a HIGH risk practice, Good as "
            f"MEDIUM and Best as LOW, then applies the framework derivation: NO_RISK when every Required "
            f"and Good practice of the question is selected or not applicable, MEDIUM_RISK when every "
            f"Required one is, HIGH_RISK otherwise. Best practices never raise the risk. Risks can "
            f"therefore differ from those the AWS console shows.{notes}"
        )
    elif alias == "softwareasaservice":
        skipped = OrderedDict((r["question_title"], r["pillar_name"]) for r in facts["skipped"])
        description = (
            f"The AWS SaaS Lens as Welltree ships it: {counts} on multi-tenant architecture, with the "
            f"question and choice ids of the AWS Well-Architected Tool and links to the AWS question "
            f"pages. Only questions present in the AWS tool are included: the {len(skipped)} "
            f"sustainability questions that appear only in the SaaS Lens whitepaper have no tool ids and "
            f"are left out. AWS publishes no risk rules for this lens, so the rules are Welltree's own: "
            f"NO_RISK when every best practice of the question is selected or not applicable, "
            f"MEDIUM_RISK when at least one is selected, HIGH_RISK otherwise. Risks can therefore differ "
            f"from those the AWS console shows.{notes}"
        )
    else:
        description = (
            f"The AWS Foundational Technical Review (FTR) lens as Welltree ships it: {counts}, with the "
            f"question and choice ids of the AWS Well-Architected Tool. AWS Partners use the FTR to "
            f"validate a solution before listing it. Links point to the AWS Partner Hosted FTR "
            f"checklist, which sets out the requirements. AWS publishes no risk rules for this lens, so "
            f"the rule is Welltree's own: a question is NO_RISK when every best practice other than None "
            f"of these is selected or not applicable, and HIGH_RISK otherwise. Risks can therefore "
            f"differ from those the AWS console shows.{notes}"
        )
    return {"schemaVersion": SCHEMA_VERSION, "name": spec["name"], "description": description,
            "pillars": pillars}


def build_all(ref: Path) -> "OrderedDict[str, dict]":
    lenses = OrderedDict([("wellarchitected", build_framework(ref))])
    for alias in AWS_LENSES:
        lenses[alias] = build_aws_lens(ref, alias)
    return lenses


def metadata(alias: str, lens: dict) -> dict:
    return {
        "alias": alias,
        "name": lens["name"],
        "owner": "AWS",
        "type": "AWS_OFFICIAL",
        "versions": [{"createdAt": created, "isMajor": major, "version": version} for version, major, created in VERSIONS],
    }


def canonical(obj) -> bytes:
    """How this script writes JSON: sorted keys, two-space indent, text unescaped, a trailing
    newline. Canonical JSON is Welltree's (CanonicalJSON); BuiltinLensTests checks that every file
    written here is byte for byte what Welltree's encoder makes of the lens it loads from it."""
    return (json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def rendered(ref: Path) -> "OrderedDict[str, bytes]":
    """Relative path -> file bytes, for every file this script writes under --out: each lens's
    metadata and its current version (the published ones are kept, see `published_files`)."""
    files = OrderedDict()
    for alias, lens in build_all(ref).items():
        files[f"{alias}/lens.json"] = canonical(metadata(alias, lens))
        files[f"{alias}/versions/{LENS_VERSION}.json"] = canonical(lens)
    return files


def levels(ref: Path) -> bytes:
    """The level (HIGH, MEDIUM, LOW) of every best practice of the lenses whose rules derive from
    levels: the framework's published risk levels, the serverless tiers mapped as documented. The
    Swift tests evaluate each question's rules on answers built from these levels."""
    lenses = OrderedDict()
    for _, _, questions in framework_facts(ref)["pillars"]:
        for q in questions:
            lenses.setdefault("wellarchitected", OrderedDict())[q["id"]] = {c["id"]: c["level"] for c in q["choices"]}
    facts = aws_lens_facts(ref / "aws-lenses" / AWS_LENSES["serverless"]["file"], "serverless")
    for _, _, questions in facts["pillars"]:
        for q in questions:
            lenses.setdefault("serverless", OrderedDict())[q["id"]] = {
                c["id"]: SERVERLESS_TIER_LEVEL[c["tier"]] for c in q["choices"]}
    return canonical({
        "about": "Generated by scripts/generate-builtin-lenses.py from the reference: the level of each best "
                 "practice (framework risk levels; serverless tiers Required, Good, Best as HIGH, MEDIUM, LOW), "
                 "by lens alias and question id.",
        "levels": lenses,
    })


# --------------------------------------------------------------------------------------------
# Checks: against the reference here, the lens rules by Welltree itself


class Report:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str):
        self.errors.append(msg)

    def warn(self, msg: str):
        self.warnings.append(msg)


def expected_structure(ref: Path, alias: str):
    """[(pillar id, pillar name, question id, question title, [(choice id, title, url)])] straight
    from the CSVs, independent of the builders, for the 1:1 check."""
    out = []
    if alias == "wellarchitected":
        rows = [r for r in read_csv(ref / "framework-lens.csv") if r["choice_id"] not in FRAMEWORK_EXCLUDED]
        none_ids = json.loads((ref / "framework-none-of-these.json").read_text(encoding="utf-8"))
        key = lambda r: (r["pillar_id"], FRAMEWORK_PILLAR_NAMES.get(r["pillar_id"]), r["question_id"], r["question_title"])
        grouped = OrderedDict()
        for r in rows:
            grouped.setdefault(key(r), [])
            if r["choice_id"] != none_ids.get(r["question_id"]):
                grouped[key(r)].append((r["choice_id"], r["choice_title_tool"], r["doc_url"]))
        for k, cs in grouped.items():
            out.append(k + (cs + [(none_ids[k[2]], NONE_TITLE, None)],))
        return out
    rows = [r for r in read_csv(ref / "aws-lenses" / AWS_LENSES[alias]["file"]) if r["in_tool"] == "yes"]
    grouped = OrderedDict()
    for r in rows:
        k = (r["pillar_id"], r["pillar_name"], r["question_id_aws"], r["question_title"])
        grouped.setdefault(k, []).append(r)
    for k, rs in grouped.items():
        rs = sorted(rs, key=lambda r: int(r["choice_order"]))
        out.append(k + ([(r["choice_id_aws"], r["best_practice_title"],
                          None if r["is_none_choice"] == "true" else r["doc_url"]) for r in rs],))
    return out


def cross_check(rep: Report, ref: Path, alias: str, lens: dict):
    actual = []
    for p in lens.get("pillars", []):
        for q in p.get("questions", []):
            qtitle = q.get("title")
            if (alias, q.get("id")) in QUESTION_TITLE_SHORT:
                qtitle = "(shortened)"
            cs = []
            for c in q.get("choices", []):
                ctitle = c.get("title")
                if (alias, q.get("id"), c.get("id")) in CHOICE_TITLE_SHORT:
                    ctitle = "(shortened)"
                cs.append((c.get("id"), ctitle, (c.get("helpfulResource") or {}).get("url")))
            actual.append((p.get("id"), p.get("name"), q.get("id"), qtitle, cs))
    expected = expected_structure(ref, alias)
    exp = []
    for e in expected:
        qtitle = "(shortened)" if (alias, e[2]) in QUESTION_TITLE_SHORT else e[3]
        cs = [(cid, "(shortened)" if (alias, e[2], cid) in CHOICE_TITLE_SHORT else t, u) for cid, t, u in e[4]]
        exp.append((e[0], e[1], e[2], qtitle, cs))
    if [x[:4] for x in actual] != [x[:4] for x in exp]:
        a_q, e_q = [x[2] for x in actual], [x[2] for x in exp]
        rep.error(f"{alias}: pillars or questions differ from the reference CSV: "
                  f"extra {sorted(set(a_q) - set(e_q))}, missing {sorted(set(e_q) - set(a_q))}"
                  f"{', order or titles differ' if set(a_q) == set(e_q) else ''}")
    for a, e in zip(actual, exp):
        if a[2] != e[2] or a[4] == e[4]:
            continue
        a_c, e_c = [c[0] for c in a[4]], [c[0] for c in e[4]]
        if a_c != e_c:
            rep.error(f"{alias}/{a[2]}: choice ids differ from the reference CSV: extra "
                      f"{sorted(set(a_c) - set(e_c))}, missing {sorted(set(e_c) - set(a_c))}"
                      f"{', order differs' if set(a_c) == set(e_c) else ''}")
        else:
            for ac, ec in zip(a[4], e[4]):
                if ac != ec:
                    rep.error(f"{alias}/{a[2]}/{ac[0]}: title or link differs from the reference CSV")
    for (a, qid), short in QUESTION_TITLE_SHORT.items():
        if a == alias:
            q = next((q for p in lens["pillars"] for q in p["questions"] if q["id"] == qid), None)
            if q is None or q["title"] != short:
                rep.error(f"{alias}/{qid}: shortened title not applied")


def check_reference(ref: Path, files: "OrderedDict[str, bytes]", rep: Report):
    """The lens files against the reference CSVs, 1:1."""
    for alias in ["wellarchitected", *AWS_LENSES]:
        meta_path, lens_path = f"{alias}/lens.json", f"{alias}/versions/{LENS_VERSION}.json"
        if meta_path not in files or lens_path not in files:
            rep.error(f"{alias}: missing {meta_path} or {lens_path}")
            continue
        try:
            lens = json.loads(files[lens_path].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            rep.error(f"{alias}: unreadable JSON: {e}")
            continue
        cross_check(rep, ref, alias, lens)


def git_blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def published_files(out: Path, rep: Report, copy_missing: bool) -> "OrderedDict[str, bytes]":
    """Relative path -> bytes of every published version file, read from --out and checked against
    its recorded blob id. A published version is never regenerated: a file that differs is an
    error (restore it from git; changes go into a new version). With `copy_missing`, a file
    absent from --out is taken from the project's workspace-template, checked the same way."""
    files = OrderedDict()
    for alias, versions in PUBLISHED.items():
        for version, blob in versions.items():
            rel = f"{alias}/versions/{version}.json"
            path = out / rel
            if not path.is_file() and copy_missing and (DEFAULT_OUT / rel).is_file():
                path = DEFAULT_OUT / rel
            if not path.is_file():
                rep.error(f"{rel}: published version missing (restore it from git)")
                continue
            data = path.read_bytes()
            if git_blob_id(data) != blob:
                rep.error(f"{rel}: published version {version} of {alias} changed (blob {git_blob_id(data)}, "
                          f"published as {blob}); published versions are immutable: restore it from git "
                          f"and put the change in a new version")
                continue
            files[rel] = data
    return files


def welltree_binary(given: "str | None") -> "str | None":
    """The welltree binary that judges the lens files."""
    if given:
        return given
    for candidate in (PROJECT_ROOT / ".build" / "debug" / "welltree", PROJECT_ROOT / ".build" / "release" / "welltree"):
        if os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("welltree")


def welltree_validate(welltree: "str | None", directory: Path, files: "OrderedDict[str, bytes]", rep: Report):
    """Runs `welltree lens validate --official` on the lens documents among `files` (relative to
    `directory`): Welltree's own import rules, so this script restates none of them."""
    paths = [str(directory / rel) for rel in files if "/versions/" in rel]
    if not paths:
        return
    if not welltree:
        rep.error("no welltree binary to validate the lens files: build it (swift build --product welltree) or pass --welltree")
        return
    try:
        run = subprocess.run([welltree, "lens", "validate", "--official", *paths], capture_output=True, text=True)
    except OSError as e:
        rep.error(f"cannot run {welltree}: {e}")
        return
    if run.returncode == 2:
        # Its diagnostics, indented under each verdict: FILE:LINE:COLUMN: error: MESSAGE.
        diagnostics = [m for m in (re.match(r"\s+(.*?:\d+:\d+): error: (.*)$", line) for line in run.stdout.splitlines()) if m]
        for m in diagnostics:
            rep.error(f"{m[2]} ({m[1]})")
        if not diagnostics:
            rep.error(f"welltree lens validate rejected a file:\n{run.stdout}")
    elif run.returncode != 0:
        rep.error(f"{welltree} lens validate failed with status {run.returncode}: {run.stderr.strip()}")


def summary(files: "OrderedDict[str, bytes]") -> list[str]:
    lines = []
    for path, data in files.items():
        if path.endswith("/lens.json"):
            continue
        lens = json.loads(data)
        qs = [q for p in lens["pillars"] for q in p["questions"]]
        choices = sum(len(q["choices"]) for q in qs)
        lines.append(
            f"{path.split('/')[0]}: {len(lens['pillars'])} pillars, {len(qs)} questions, "
            f"{choices} choices ({choices - len(qs)} best practices + {len(qs)} None of these), "
            f"{len(data)} bytes"
        )
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                    help="reference directory (default: ../shared/reference from the project root)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output directory (default: workspace-template/lenses)")
    ap.add_argument("--levels", type=Path, default=DEFAULT_LEVELS,
                    help="the levels file for the Swift tests (default: Tests/WelltreeCoreTests/Fixtures/builtin-lens-levels.json)")
    ap.add_argument("--welltree", help="the welltree binary that validates the lens files "
                    "(default: .build/debug/welltree, .build/release/welltree, then welltree on PATH)")
    ap.add_argument("--check", action="store_true",
                    help="check the files in --out and --levels are up to date and valid; write nothing")
    ap.add_argument("--blob-ids", action="store_true",
                    help="print the git blob ids of the version files in --out, as the table of "
                         "Sources/WelltreeWorkspace/ShippedLenses.swift; write nothing")
    args = ap.parse_args(argv)
    if args.blob_ids:
        import hashlib
        for alias_dir in sorted(p for p in args.out.iterdir() if p.is_dir()):
            versions = []
            for file in sorted((alias_dir / "versions").glob("*.json")):
                data = file.read_bytes()
                blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
                versions.append(f'"{file.stem}": "{blob}"')
            print(f'        "{alias_dir.name}": [{", ".join(versions)}],')
        return 0
    ref = args.reference.resolve()

    try:
        generated = rendered(ref)
        generated_levels = levels(ref)
    except (ReferenceDataError, OSError, KeyError, ValueError) as e:
        print(f"error: reference: {e}", file=sys.stderr)
        return 2

    rep = Report()
    welltree = welltree_binary(args.welltree)
    if args.check:
        on_disk = OrderedDict()
        for rel in generated:
            path = args.out / rel
            if path.is_file():
                on_disk[rel] = path.read_bytes()
        check_reference(ref, on_disk, rep)
        published = published_files(args.out, rep, copy_missing=False)
        welltree_validate(welltree, args.out, OrderedDict([*on_disk.items(), *published.items()]), rep)
        for rel, data in generated.items():
            if on_disk.get(rel) != data:
                rep.error(f"{rel}: out of date (run without --check to regenerate)")
        if not args.levels.is_file() or args.levels.read_bytes() != generated_levels:
            rep.error(f"{args.levels}: out of date (run without --check to regenerate)")
        extra = sorted(
            str(p.relative_to(args.out)) for p in args.out.rglob("*")
            if p.is_file() and str(p.relative_to(args.out)) not in generated
            and str(p.relative_to(args.out)) not in PUBLISHED_FILES
        ) if args.out.is_dir() else []
        for rel in extra:
            rep.warn(f"{rel}: not written by this script")
        files = on_disk
    else:
        check_reference(ref, generated, rep)
        published = published_files(args.out, rep, copy_missing=True)
        with tempfile.TemporaryDirectory() as scratch:
            for rel, data in [*generated.items(), *published.items()]:
                path = Path(scratch) / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            welltree_validate(welltree, Path(scratch), OrderedDict([*generated.items(), *published.items()]), rep)
        files = generated

    for w in rep.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if rep.errors:
        for e in rep.errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"{len(rep.errors)} error(s); nothing written" if not args.check else
              f"{len(rep.errors)} error(s)", file=sys.stderr)
        return 1

    if not args.check:
        written = [*generated.items(), *published.items()]
        for path, data in [*((args.out / rel, data) for rel, data in written), (args.levels, generated_levels)]:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
    for line in summary(files):
        print(line)
    print("check passed" if args.check else
          f"wrote {len(generated) + 1} files under {args.out} and {args.levels}; kept {len(published)} published versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
