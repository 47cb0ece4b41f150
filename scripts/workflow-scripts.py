"""Writes each `run:` script of the given GitHub workflows into DIR
(GitHub expressions replaced by a placeholder) and prints the paths, so
that .ci/run can shellcheck them.

Usage: workflow-scripts.py DIR WORKFLOW..."""
import re
import sys
import tempfile

try:
    import yaml
except ImportError:  # check-jsonschema brings PyYAML (ruamel) along; fall back to it
    yaml = None


def load(path):
    text = open(path, encoding="utf-8").read()
    if yaml:
        return yaml.safe_load(text)
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)


def runs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield value
            else:
                yield from runs(value)
    elif isinstance(node, list):
        for item in node:
            yield from runs(item)


out_dir = sys.argv[1]
for path in sys.argv[2:]:
    for script in runs(load(path)):
        body = re.sub(r"\$\{\{[^}]*\}\}", "PLACEHOLDER", script)
        f = tempfile.NamedTemporaryFile("w", suffix=".sh", dir=out_dir, delete=False)
        f.write("#!/usr/bin/env bash\n" + body)
        f.close()
        print(f.name)
