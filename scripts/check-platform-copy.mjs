// The contract tests read test/platform/, a copy of ../shared/platform/{fixtures,schemas}: the
// dual-write service as Microsoft's own client uses it. The copy must never drift from its source
// or be edited to make a test pass, so CI compares the two byte for byte where the source exists.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const source = join(root, "..", "shared", "platform");
const copy = join(root, "test", "platform");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

if (!existsSync(copy)) {
  console.error("test/platform/ is missing: copy ../shared/platform/fixtures and ../shared/platform/schemas there, unchanged");
  process.exit(1);
}
if (!existsSync(source)) {
  console.log(`platform copy: ../shared/platform is not here; test/platform (${files(copy).length} files) is used as it is`);
  process.exit(0);
}
const problems = [];
for (const part of ["fixtures", "schemas"]) {
  const want = files(join(source, part)).map((path) => relative(source, path)).sort();
  const have = files(join(copy, part)).map((path) => relative(copy, path)).sort();
  for (const name of want) {
    if (!have.includes(name)) problems.push(`missing: test/platform/${name}`);
    else if (!readFileSync(join(source, name)).equals(readFileSync(join(copy, name)))) problems.push(`differs: test/platform/${name}`);
  }
  for (const name of have) if (!want.includes(name)) problems.push(`not in ../shared/platform: test/platform/${name}`);
}
if (problems.length > 0) {
  console.error("test/platform/ is not an unchanged copy of ../shared/platform/:");
  for (const problem of problems) console.error(`  ${problem}`);
  console.error("hint: copy the files again from ../shared/platform; never edit the copy to make a test pass");
  process.exit(1);
}
console.log(`platform copy: test/platform matches ../shared/platform (${files(copy).length} files)`);
