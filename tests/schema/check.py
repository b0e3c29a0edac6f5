"""Validates articles or collections with Python's jsonschema (draft 2020-12), for
tests/schema/tests/schema.rs. The other schemas in SCHEMA's folder are registered by their $id, so
references between them resolve without retrieving anything.

usage: check.py SCHEMA FILE...
           One line per file: "valid<TAB>FILE" or "invalid<TAB>FILE<TAB>the first error".
       check.py SCHEMA --def NAME
           Reads a JSON list of strings on standard input and prints, on one line, the indexes of
           those that the schema's $defs/NAME rejects.
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012


def registry_beside(schema_path):
    """Every *.schema.json in the folder of schema_path but that one, by its $id."""
    this = Path(schema_path).resolve()
    resources = []
    for path in sorted(this.parent.glob("*.schema.json")):
        if path.resolve() == this:
            continue
        with open(path, encoding="utf-8") as f:
            other = json.load(f)
        resources.append((other["$id"], DRAFT202012.create_resource(other)))
    return Registry().with_resources(resources)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    registry = registry_beside(argv[0])
    if argv[1] == "--def":
        definition = Draft202012Validator(schema["$defs"][argv[2]], registry=registry)
        strings = json.load(sys.stdin)
        rejected = [str(i) for i, s in enumerate(strings) if not definition.is_valid(s)]
        print(" ".join(rejected))
        return
    validator = Draft202012Validator(schema, registry=registry)
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        error = next(iter(sorted(validator.iter_errors(document), key=lambda e: list(e.path))), None)
        if error is None:
            print(f"valid\t{path}")
        else:
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            message = f"{where}: {error.message}".replace("\n", " ")[:200]
            print(f"invalid\t{path}\t{message}")


if __name__ == "__main__":
    main(sys.argv[1:])
