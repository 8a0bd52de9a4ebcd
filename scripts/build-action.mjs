// Bundles the GitHub Action (src/action/index.ts) into one committed file, dist-action/index.mjs,
// which action.yml runs with node20: a repository that uses the action runs no npm install.
//
//   node scripts/build-action.mjs            write dist-action/index.mjs
//   node scripts/build-action.mjs --out F    write F instead (the test that the committed bundle is current)
//
// Three things differ from the CLI in dist/:
// - better-sqlite3 is a native module and cannot be bundled. It is only needed by the embedded
//   sandbox, so the bundle loads it on first use, from the action's own checkout (uses: ./ after
//   npm ci) or from the working directory's node_modules; a real estate never needs it.
// - the code finds schemas/, package.json and dist/ two levels up from src/<folder>/; the bundle is one
//   level below the repository root, so those paths are rewritten to one level up (and the build
//   fails on any it does not know).
// - CommonJS dependencies get a require() that works in an ES module.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outIndex = process.argv.indexOf("--out");
const outfile = resolve(root, outIndex === -1 ? "dist-action/index.mjs" : process.argv[outIndex + 1] ?? "");

/** Files whose import.meta.url paths climb from src/<folder>/ to the root: each rewrite must apply. */
const climbs = {
  "src/config/schemas.ts": [['new URL("../../schemas/", import.meta.url)', 'new URL("../schemas/", import.meta.url)']],
  "src/cli/version.ts": [['new URL("../../package.json", import.meta.url)', 'new URL("../package.json", import.meta.url)']],
  "src/cli/sandbox.ts": [['new URL("../../dist/sandbox/server-main.js", import.meta.url)', 'new URL("../dist/sandbox/server-main.js", import.meta.url)']],
};

const sqliteShim = `
import { createRequire } from "node:module";
import { join } from "node:path";
let loaded;
function load() {
  if (loaded !== undefined) return loaded;
  for (const base of [import.meta.url, join(process.cwd(), "package.json")]) {
    try {
      loaded = createRequire(base)("better-sqlite3");
      return loaded;
    } catch {
      // try the next place
    }
  }
  const error = new Error("the embedded sandbox needs the native module better-sqlite3, which the action's bundle does not carry");
  error.hint = "Run the sandbox with the CLI (npm ci, then npx dwctl), or run npm ci in the repository before the action; a real estate does not need it.";
  throw error;
}
export default function Database(...args) {
  const Native = load();
  return new Native(...args);
}
`;

/** Every installed copy of every package, by name@version, in a fixed order (the bundle must not depend on timing). */
async function installedCopies(dir, copies = new Map()) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return copies;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    if (entry.name.startsWith("@")) {
      await installedCopies(join(dir, entry.name), copies);
      continue;
    }
    const packageRoot = join(dir, entry.name);
    try {
      const { name, version } = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8"));
      const key = `${name}@${version}`;
      copies.set(key, [...(copies.get(key) ?? []), packageRoot].sort());
    } catch {
      // not a package
    }
    await installedCopies(join(packageRoot, "node_modules"), copies);
  }
  return copies;
}

/**
 * One copy of each package version: npm nests identical copies (undici 6 under @actions/github and
 * under @actions/http-client), and each would be bundled again. The first path in sort order wins.
 */
const dedupe = {
  name: "dedupe-packages",
  setup(b) {
    const copies = installedCopies(join(root, "node_modules"));
    const marker = `${sep}node_modules${sep}`;
    b.onResolve({ filter: /^(@[^/.][^/]*\/)?[^/.@][^/]*(\/.*)?$/ }, async (args) => {
      if (args.pluginData?.dedupe === true || args.kind === "entry-point") return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { dedupe: true } });
      // Anything unusual (not found, external, not a package) is left to esbuild itself.
      if (resolved.errors.length > 0 || resolved.external || !resolved.path.includes(marker)) return undefined;
      const at = resolved.path.lastIndexOf(marker) + marker.length;
      const rest = resolved.path.slice(at).split(sep);
      const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
      const packageRoot = join(resolved.path.slice(0, at), name ?? "");
      let version;
      try {
        version = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8")).version;
      } catch {
        return undefined;
      }
      const canonical = (await copies).get(`${name}@${version}`)?.[0];
      if (canonical === undefined || canonical === packageRoot) return undefined;
      return { ...resolved, path: canonical + resolved.path.slice(packageRoot.length) };
    });
  },
};

const plugin = {
  name: "dwctl-action",
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: "better-sqlite3", namespace: "sqlite-shim" }));
    b.onLoad({ filter: /.*/, namespace: "sqlite-shim" }, () => ({ contents: sqliteShim, loader: "js", resolveDir: root }));
    for (const [file, rewrites] of Object.entries(climbs)) {
      const path = resolve(root, file);
      const filter = new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
      b.onLoad({ filter }, async () => {
        let contents = await readFile(path, "utf8");
        for (const [from, to] of rewrites) {
          if (!contents.includes(from)) throw new Error(`build-action: ${file} no longer contains ${from}; update scripts/build-action.mjs`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: "ts" };
      });
    }
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/action/index.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  write: false,
  outfile,
  legalComments: "eof",
  logLevel: "warning",
  banner: {
    js: [
      "// The dwctl GitHub Action, bundled by scripts/build-action.mjs (npm run build:action). Do not edit.",
      'import { createRequire as __dwctlCreateRequire } from "node:module";',
      "const require = __dwctlCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  plugins: [plugin, dedupe],
});
const [file] = result.outputFiles;
// A path that climbs two folders from import.meta.url was written for src/<folder>/: in the bundle it
// points outside the repository. Each must be listed in `climbs` above.
const climbing = [...file.text.matchAll(/new URL\("\.\.\/\.\.\/[^"]*"/g)].map((m) => m[0]);
if (climbing.length > 0) throw new Error(`build-action: the bundle has paths relative to src/<folder>/: ${climbing.join(", ")}; add them to climbs in scripts/build-action.mjs`);
await mkdir(dirname(outfile), { recursive: true });
await writeFile(outfile, file.contents);
console.log(`build-action: wrote ${outfile} (${Math.round(file.contents.length / 1024)} KiB)`);
