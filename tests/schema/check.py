"""Validates articles with Python's jsonschema (draft 2020-12), for tests/schema/tests/schema.rs.

usage: check.py SCHEMA FILE...
           One line per file: "valid<TAB>FILE" or "invalid<TAB>FILE<TAB>the first error".
       check.py SCHEMA --def NAME
           Reads a JSON list of strings on standard input and prints, on one line, the indexes of
           those that the schema's $defs/NAME rejects.
"""

import json
import sys

from jsonschema import Draft202012Validator


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    if argv[1] == "--def":
        definition = Draft202012Validator(schema["$defs"][argv[2]])
        strings = json.load(sys.stdin)
        rejected = [str(i) for i, s in enumerate(strings) if not definition.is_valid(s)]
        print(" ".join(rejected))
        return
    validator = Draft202012Validator(schema)
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        error = next(iter(sorted(validator.iter_errors(article), key=lambda e: list(e.path))), None)
        if error is None:
            print(f"valid\t{path}")
        else:
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            message = f"{where}: {error.message}".replace("\n", " ")[:200]
            print(f"invalid\t{path}\t{message}")


if __name__ == "__main__":
    main(sys.argv[1:])
