// Validates articles or collections with ajv (draft 2020-12, its defaults: strict mode, Unicode
// patterns), for tests/schema/tests/schema.rs. The other schemas in SCHEMA's folder are added by
// their $id, so references between them resolve without loading anything.
//
// usage: node check.mjs NODE_DIR SCHEMA FILE...
//            One line per file: "valid<TAB>FILE" or "invalid<TAB>FILE<TAB>the first error".
//        node check.mjs NODE_DIR SCHEMA --def NAME
//            Reads a JSON list of strings on standard input and prints, on one line, the indexes
//            of those that the schema's $defs/NAME rejects.
//
// NODE_DIR is the folder whose node_modules holds ajv (tests/schema/package.json, installed by
// `cargo xtask test` under target/).

import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";

const [nodeDir, schemaPath, ...rest] = process.argv.slice(2);
if (!nodeDir || !schemaPath || rest.length === 0) {
  console.error("usage: node check.mjs NODE_DIR SCHEMA FILE... | --def NAME");
  process.exit(2);
}
const require = createRequire(join(resolve(nodeDir), "package.json"));
const Ajv2020 = require("ajv/dist/2020").default;
const ajv = new Ajv2020({ allErrors: false });
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const schemaDir = dirname(resolve(schemaPath));
for (const name of readdirSync(schemaDir).sort()) {
  if (name.endsWith(".schema.json") && name !== basename(schemaPath)) {
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), "utf8")));
  }
}

if (rest[0] === "--def") {
  const definition = ajv.compile(schema.$defs[rest[1]]);
  const strings = JSON.parse(readFileSync(0, "utf8"));
  const rejected = [];
  strings.forEach((s, i) => {
    if (!definition(s)) rejected.push(i);
  });
  console.log(rejected.join(" "));
} else {
  const validate = ajv.compile(schema);
  for (const path of rest) {
    const document = JSON.parse(readFileSync(path, "utf8"));
    if (validate(document)) {
      console.log(`valid\t${path}`);
    } else {
      const [error] = validate.errors;
      console.log(`invalid\t${path}\t$${error.instancePath.replaceAll("/", ".")}: ${error.message}`);
    }
  }
}
