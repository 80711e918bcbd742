#!/usr/bin/env python3
"""Runs a composite GitHub Action (action.yml) the way a runner does, for tests.

usage: run-action.py ACTION_YML --workspace DIR --cache-store DIR [--input NAME=VALUE ...]
                     [--stop-after STEP_ID]

Each `run:` step is written to a file and run with `bash --noprofile --norc -eo pipefail FILE`
(GitHub's `shell: bash`) in the step's working directory, with the variables a runner sets
(GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
GITHUB_STEP_SUMMARY, RUNNER_TEMP, RUNNER_TOOL_CACHE, ...) on top of the caller's environment,
which supplies the event's variables (GITHUB_EVENT_NAME, GITHUB_BASE_REF, ...). `${{ }}`
expressions in `if`, `env`, `with`, `working-directory` and the action's outputs are evaluated
over the contexts inputs, steps, github, runner and env, with the operators and status functions
of GitHub's expression language; anything else (another function, an action other than
actions/cache/restore and actions/cache/save) stops the run with an error rather than being
guessed. actions/cache/restore and /save copy directories to and from --cache-store, keyed as
the real ones are (exact key, then restore-keys prefixes, newest first).

Prints a JSON object {"outputs": {...}, "steps": [{"id", "outcome"}], "status": N} on stdout;
the steps' own output goes to stderr. Exits with the status of the first failed step.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml


class ExpressionError(Exception):
    pass


TOKEN = re.compile(
    r"\s*(?:(?P<op>\|\||&&|==|!=|<=|>=|[()!<>,\[\].])|(?P<str>'(?:[^']|'')*')"
    r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<ident>[A-Za-z_][A-Za-z0-9_-]*))"
)


def tokenize(text):
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read expression {text!r} at {position}")
        position = match.end()
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
    return tokens


def truthy(value):
    return value not in (None, False, 0, "", 0.0)


def text(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def equal(left, right):
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()
    if left is None or right is None:
        return text(left) == text(right) if isinstance(left, str) or isinstance(right, str) else left is right
    return left == right


class Evaluator:
    """A recursive-descent evaluator of GitHub's expression language (the subset actions use)."""

    def __init__(self, contexts, status):
        self.contexts = contexts
        self.status = status  # "success" or "failure" of the job so far

    def evaluate(self, expression):
        self.tokens = tokenize(expression)
        self.position = 0
        value = self.disjunction()
        if self.position != len(self.tokens):
            raise ExpressionError(f"unexpected {self.tokens[self.position][1]!r} in {expression!r}")
        return value

    def peek(self):
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self, expected=None):
        if self.position >= len(self.tokens):
            raise ExpressionError("unexpected end of expression")
        kind, value = self.tokens[self.position]
        if expected is not None and value != expected:
            raise ExpressionError(f"expected {expected!r}, found {value!r}")
        self.position += 1
        return kind, value

    def disjunction(self):
        value = self.conjunction()
        while self.peek() == "||":
            self.take()
            right = self.conjunction()
            value = value if truthy(value) else right
        return value

    def conjunction(self):
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in ("==", "!="):
            _, operator = self.take()
            right = self.unary()
            value = equal(value, right) if operator == "==" else not equal(value, right)
        return value

    def unary(self):
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, token = self.take()
        if token == "(" and kind == "op":
            value = self.disjunction()
            self.take(")")
            return value
        if kind == "str":
            return token[1:-1].replace("''", "'")
        if kind == "num":
            return float(token) if "." in token else int(token)
        if kind != "ident":
            raise ExpressionError(f"unexpected {token!r}")
        if token in ("true", "false"):
            return token == "true"
        if token == "null":
            return None
        if self.peek() == "(":
            self.take("(")
            self.take(")")
            functions = {
                "always": True,
                "success": self.status == "success",
                "failure": self.status == "failure",
                "cancelled": False,
            }
            if token not in functions:
                raise ExpressionError(f"function {token}() is not supported here")
            return functions[token]
        if token not in self.contexts:
            raise ExpressionError(f"unknown context {token!r}")
        value = self.contexts[token]
        while self.peek() in (".", "["):
            if self.take()[1] == ".":
                _, name = self.take()
            else:
                name = text(self.disjunction())
                self.take("]")
            value = value.get(name) if isinstance(value, dict) else None
        return value


EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def substitute(value, evaluator):
    if not isinstance(value, str):
        return text(value)
    return EXPRESSION.sub(lambda match: text(evaluator.evaluate(match.group(1))), value)


def condition(expression, evaluator):
    if expression is None:
        return evaluator.status == "success"
    if isinstance(expression, bool):
        return expression and evaluator.status == "success"
    expression = str(expression).strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2]
    if not re.search(r"\b(always|success|failure|cancelled)\s*\(", expression):
        expression = f"success() && ({expression})"
    return truthy(evaluator.evaluate(expression))


def read_outputs(path):
    """Parses a GITHUB_OUTPUT or GITHUB_ENV file: name=value lines and name<<DELIMITER blocks."""
    result = {}
    if not os.path.exists(path):
        return result
    lines = open(path, encoding="utf-8").read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            while index < len(lines) and lines[index] != delimiter:
                block.append(lines[index])
                index += 1
            index += 1
            result[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            result[name] = value
        else:
            raise ExpressionError(f"malformed line in {path}: {line!r}")
    return result


def cache_restore(store, path, key, restore_keys):
    candidates = []
    if os.path.isdir(os.path.join(store, key)):
        candidates.append((key, True))
    for prefix in [k.strip() for k in (restore_keys or "").split("\n") if k.strip()]:
        matches = sorted(
            (name for name in os.listdir(store) if name.startswith(prefix)),
            key=lambda name: os.path.getmtime(os.path.join(store, name)),
            reverse=True,
        )
        candidates += [(name, False) for name in matches]
    if not candidates:
        return {"cache-hit": "false"}
    name, exact = candidates[0]
    if os.path.exists(path):
        shutil.rmtree(path)
    shutil.copytree(os.path.join(store, name), path, symlinks=True)
    return {"cache-hit": "true" if exact else "false", "cache-matched-key": name}


def cache_save(store, path, key):
    target = os.path.join(store, key)
    if os.path.isdir(target):
        return {}  # like actions/cache: an existing key is never overwritten
    if not os.path.isdir(path):
        raise ExpressionError(f"actions/cache/save: {path} does not exist")
    shutil.copytree(path, target, symlinks=True)
    return {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--cache-store", required=True)
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--stop-after")
    arguments = parser.parse_args()

    action_path = os.path.dirname(os.path.abspath(arguments.action))
    with open(arguments.action, encoding="utf-8") as file:
        action = yaml.safe_load(file)
    if action["runs"]["using"] != "composite":
        raise SystemExit("only composite actions run here")
    inputs = {name: text(spec.get("default", "")) for name, spec in (action.get("inputs") or {}).items()}
    for item in arguments.input:
        name, value = item.split("=", 1)
        if name not in inputs:
            raise SystemExit(f"the action has no input {name}")
        inputs[name] = value

    os.makedirs(arguments.cache_store, exist_ok=True)
    runner_temp = tempfile.mkdtemp(prefix="runner-temp-")
    base_environment = dict(os.environ)
    base_environment.update({
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": arguments.workspace,
        "GITHUB_ACTION_PATH": action_path,
        "RUNNER_OS": "Linux",
        "RUNNER_ARCH": "X64",
        "RUNNER_TEMP": runner_temp,
        "RUNNER_TOOL_CACHE": base_environment.get("RUNNER_TOOL_CACHE", os.path.join(runner_temp, "tool-cache")),
    })
    base_environment.setdefault("GITHUB_STEP_SUMMARY", os.path.join(runner_temp, "step-summary.md"))
    github = {key[len("GITHUB_"):].lower(): value for key, value in base_environment.items() if key.startswith("GITHUB_")}
    github["action_path"] = action_path
    runner = {"os": "Linux", "arch": "X64", "temp": runner_temp, "tool_cache": base_environment["RUNNER_TOOL_CACHE"]}
    steps_context = {}
    extra_path = []
    extra_env = {}
    status = "success"
    exit_status = 0
    report = []

    for number, step in enumerate(action["runs"]["steps"]):
        step_id = step.get("id", f"__step{number}")
        contexts = {"inputs": inputs, "steps": steps_context, "github": github, "runner": runner,
                    "env": {**base_environment, **extra_env}}
        evaluator = Evaluator(contexts, status)
        if not condition(step.get("if"), evaluator):
            steps_context[step_id] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
            report.append({"id": step_id, "outcome": "skipped"})
            continue
        outputs = {}
        outcome = "success"
        if "uses" in step:
            uses = step["uses"]
            with_values = {name: substitute(value, evaluator) for name, value in (step.get("with") or {}).items()}
            if re.fullmatch(r"actions/cache/restore@v\d+", uses):
                outputs = cache_restore(arguments.cache_store, with_values["path"], with_values["key"], with_values.get("restore-keys"))
            elif re.fullmatch(r"actions/cache/save@v\d+", uses):
                outputs = cache_save(arguments.cache_store, with_values["path"], with_values["key"])
            else:
                raise SystemExit(f"step {step_id}: {uses} cannot run here")
            print(f"::: {step_id}: {uses} {json.dumps(outputs)}", file=sys.stderr)
        else:
            if step.get("shell") != "bash":
                raise SystemExit(f"step {step_id}: only shell: bash runs here")
            environment = {**base_environment, **extra_env}
            environment.update({name: substitute(value, evaluator) for name, value in (step.get("env") or {}).items()})
            if extra_path:
                environment["PATH"] = os.pathsep.join(reversed(extra_path)) + os.pathsep + environment.get("PATH", "")
            files = {}
            for name in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH"):
                handle, files[name] = tempfile.mkstemp(prefix=name.lower() + "-", dir=runner_temp)
                os.close(handle)
                environment[name] = files[name]
            script = os.path.join(runner_temp, f"step-{number}.sh")
            with open(script, "w", encoding="utf-8") as file:
                file.write(substitute(step["run"], evaluator))
            directory = substitute(step.get("working-directory", "."), evaluator) or "."
            directory = os.path.normpath(os.path.join(arguments.workspace, directory))
            print(f"::: {step_id}: run in {directory}", file=sys.stderr)
            completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=directory,
                                       env=environment, stdout=sys.stderr, stderr=sys.stderr)
            outputs = read_outputs(files["GITHUB_OUTPUT"])
            extra_env.update(read_outputs(files["GITHUB_ENV"]))
            extra_path += [line for line in open(files["GITHUB_PATH"], encoding="utf-8").read().split("\n") if line]
            if completed.returncode != 0:
                outcome = "failure"
                status = "failure"
                exit_status = exit_status or completed.returncode
        steps_context[step_id] = {"outputs": outputs, "outcome": outcome, "conclusion": outcome}
        report.append({"id": step_id, "outcome": outcome})
        if arguments.stop_after == step_id:
            break

    evaluator = Evaluator({"inputs": inputs, "steps": steps_context, "github": github, "runner": runner,
                           "env": base_environment}, status)
    outputs = {name: substitute(spec.get("value", ""), evaluator) for name, spec in (action.get("outputs") or {}).items()}
    print(json.dumps({"outputs": outputs, "steps": report, "status": exit_status,
                      "stepOutputs": {key: value["outputs"] for key, value in steps_context.items()}}))
    shutil.rmtree(runner_temp, ignore_errors=True)
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
