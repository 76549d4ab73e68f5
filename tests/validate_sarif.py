#!/usr/bin/env python3
"""Validates `xxgk check --format sarif` against the OASIS SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py XXGK ROOT

Runs xxgk on text and Word inputs with errors, warnings and infos (and an unreadable path), then
validates each log against tests/data/sarif-schema-2.1.0.json with python3-jsonschema (Debian
package python3-jsonschema; scripts/setup.sh installs it) and checks what GitHub code scanning
relies on: rules with descriptions, a location per result, stable partial fingerprints.
"""

import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    # A python3 other than Debian's (pyenv, venv) does not see Debian's python3-jsonschema.
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import jsonschema
    except ImportError:
        sys.exit("validate_sarif: python3-jsonschema is missing (run scripts/setup.sh)")

XXGK, ROOT = sys.argv[1], sys.argv[2]

with open(os.path.join(ROOT, "tests", "data", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    SCHEMA = json.load(f)
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)

RUNS = {
    "text inputs with errors, warnings and an info": [
        "samples/invalid/T3-ROW.txt",
        "samples/dongfanghong-2023.txt",
        "samples/invalid/EXTRACT-FUZZY.txt",
        "samples/invalid/EXTRACT-TABLE.txt",
    ],
    "an unreadable input": ["samples/hongxing-2021.txt", "no/such/report.txt"],
    "Word inputs": [
        "tests/golden/check-word-text/lishui-bureau-2020-errors.docx",
        "tests/data/docx/hongxing-2021-tracked.docx",
    ],
    "English": ["--lang", "en", "samples/invalid/T3-BAL.txt"],
    "PDF inputs (pages in physicalLocation.properties)": [
        "tests/data/pdf/real/002_huaian_hongzequ_2023.pdf",
    ],
}

status = 0


def fail(name, message):
    global status
    print(f"FAIL ({name}): {message}")
    status = 1


for name, args in RUNS.items():
    proc = subprocess.run([XXGK, "check", "--format", "sarif", *args], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2):
        fail(name, f"exit code {proc.returncode}: {proc.stderr}")
        continue
    try:
        log = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        fail(name, f"not JSON: {e}")
        continue
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    for e in errors[:10]:
        fail(name, f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    if not rules or any(not r.get("shortDescription", {}).get("text") for r in rules):
        fail(name, "tool.driver.rules missing or without descriptions")
    ids = [r["id"] for r in rules]
    for res in run["results"]:
        if res["ruleId"] not in ids or ids[res["ruleIndex"]] != res["ruleId"]:
            fail(name, f"result {res['ruleId']} does not point at its rule")
        if not res.get("partialFingerprints"):
            fail(name, "a result has no partialFingerprints")
        loc = res["locations"][0]
        if "physicalLocation" not in loc:
            fail(name, "a result has no physicalLocation")
    if name.startswith("text") and not any(
            "region" in r["locations"][0]["physicalLocation"] for r in run["results"]):
        fail(name, "no result of a text input has a line/column region")
    if name == "Word inputs" and not any(
            r["locations"][0].get("logicalLocations") for r in run["results"]):
        fail(name, "no result of a Word input names its table/row/column")
    if name == "an unreadable input" and run["invocations"][0]["executionSuccessful"]:
        fail(name, "an unreadable input must make executionSuccessful false")
    print(f"ok ({name}): {len(run['results'])} results valid against SARIF 2.1.0")

sys.exit(status)
