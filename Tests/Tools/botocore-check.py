#!/usr/bin/env python3
"""Checks Welltree's JSON against the AWS Well-Architected service model that botocore ships,
with botocore's own code, as a client of the service would.

Usage:
  botocore-check.py parse OPERATION=FILE...     output documents, read by botocore's response
                                                parser (RestJSONParser, the operation's output
                                                shape, an HTTP-like response dict) as a boto3
                                                client reads a response
  botocore-check.py validate OPERATION=FILE...  request documents, checked by botocore's
                                                parameter validator (validate_parameters with the
                                                operation's input shape), then against the model's
                                                limits the validator leaves to the service (max
                                                lengths and sizes, enums, patterns)

Prints one JSON object: {"botocore": VERSION, "results": [{"operation", "file", "problems": [...]}]},
with "parsed" (what the client got, timestamps as ISO 8601 text) in each result of `parse`.
For `parse`, the problems are members the API defines that the parsed response lost or changed,
enum values the model does not have, and zero counts in risk-count maps (the service leaves a risk
with no questions out; clients test for the key). Exit 0 when no document has a problem, 1 when
one has, 2 when botocore cannot be imported or the arguments are wrong.
"""
import datetime
import json
import re
import sys

try:
    import botocore
    import botocore.session
    from botocore.exceptions import ParamValidationError
    from botocore.parsers import RestJSONParser
    from botocore.validate import validate_parameters
except ImportError as error:  # pragma: no cover - reported to the caller
    print(f"botocore is not installed: {error}", file=sys.stderr)
    sys.exit(2)

MODEL = botocore.session.get_session().get_service_model("wellarchitected")


def timestamp(value):
    """The instant a timestamp value denotes, or None."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def compare(shape, original, parsed, path, problems):
    """Every member `shape` defines that `original` has must reach `parsed` with its meaning."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(parsed, dict):
            problems.append(f"{path}: parsed as {type(parsed).__name__}, not an object")
            return
        for name, member in shape.members.items():
            if name not in original:
                continue
            if name not in parsed:
                problems.append(f"{path}.{name}: defined by the API, present in the output, lost by the parser")
                continue
            compare(member, original[name], parsed[name], f"{path}.{name}", problems)
    elif kind == "list":
        if not isinstance(original, list) or not isinstance(parsed, list) or len(original) != len(parsed):
            problems.append(f"{path}: list changed by the parser")
            return
        for index, (a, b) in enumerate(zip(original, parsed)):
            compare(shape.member, a, b, f"{path}[{index}]", problems)
    elif kind == "map":
        if not isinstance(original, dict) or not isinstance(parsed, dict) or set(original) != set(parsed):
            problems.append(f"{path}: map changed by the parser")
            return
        if shape.name == "RiskCounts":
            for key, count in original.items():
                if count == 0:
                    problems.append(f"{path}.{key}: a zero count; the service leaves a risk no question has out")
        for key in original:
            compare(shape.key, key, key, f"{path}<key {key}>", problems)
            compare(shape.value, original[key], parsed[key], f"{path}.{key}", problems)
    elif kind == "timestamp":
        if timestamp(original) is None or timestamp(original) != timestamp(parsed):
            problems.append(f"{path}: timestamp {original!r} read as {parsed!r}")
    else:
        if original != parsed:
            problems.append(f"{path}: {original!r} read as {parsed!r}")
        enum = shape.enum if kind == "string" else None
        if enum and original not in enum:
            problems.append(f"{path}: {original!r} is not one of the API's values {list(enum)}")


def limits(shape, value, path, problems):
    """The model's limits that validate_parameters leaves to the service."""
    kind = shape.type_name
    metadata = shape.metadata
    if kind == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                limits(member, value[name], f"{path}.{name}", problems)
    elif kind == "list" and isinstance(value, list):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(f"{path}: {len(value)} items, more than {metadata['max']}")
        for index, item in enumerate(value):
            limits(shape.member, item, f"{path}[{index}]", problems)
    elif kind == "map" and isinstance(value, dict):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(f"{path}: {len(value)} entries, more than {metadata['max']}")
        for key, item in value.items():
            limits(shape.key, key, f"{path}<key {key}>", problems)
            limits(shape.value, item, f"{path}.{key}", problems)
    elif kind == "string" and isinstance(value, str):
        if "max" in metadata and len(value) > metadata["max"]:
            problems.append(f"{path}: {len(value)} characters, more than {metadata['max']}")
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {list(shape.enum)}")
        pattern = metadata.get("pattern")
        if pattern and value and not re.search(pattern, value):
            problems.append(f"{path}: {value!r} does not match {pattern}")
    elif kind == "integer" and isinstance(value, int):
        if "max" in metadata and value > metadata["max"]:
            problems.append(f"{path}: {value} above {metadata['max']}")


def plain(value):
    """`value` with timestamps as ISO 8601 text, so it prints as JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def check(mode, operation, path):
    operation_model = MODEL.operation_model(operation)
    with open(path, "rb") as f:
        body = f.read()
    document = json.loads(body)
    problems = []
    if mode == "parse":
        response = {"status_code": 200, "headers": {"content-type": "application/json"}, "body": body}
        parsed = RestJSONParser().parse(response, operation_model.output_shape)
        parsed.pop("ResponseMetadata", None)
        compare(operation_model.output_shape, document, parsed, "$", problems)
        return {"operation": operation, "file": path, "problems": problems, "parsed": plain(parsed)}
    else:
        try:
            validate_parameters(document, operation_model.input_shape)
        except ParamValidationError as error:
            problems.append("validate_parameters: " + str(error).replace("\n", " "))
        limits(operation_model.input_shape, document, "$", problems)
    return {"operation": operation, "file": path, "problems": problems}


def main(argv):
    if len(argv) < 3 or argv[1] not in ("parse", "validate") or not all("=" in a for a in argv[2:]):
        print(__doc__, file=sys.stderr)
        return 2
    results = [check(argv[1], *pair.split("=", 1)) for pair in argv[2:]]
    print(json.dumps({"botocore": botocore.__version__, "results": results}, indent=2))
    return 0 if all(not r["problems"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
