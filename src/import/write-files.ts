import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A file that could not be written; nothing of the import was written. */
export class ImportWriteError extends Error {
  override name = "ImportWriteError";
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot write ${path}`, { cause });
  }
}

/**
 * Writes every file or none: each goes to a temporary file beside it first (a dot-file, which
 * dwctl's loader skips), and only when all of them are written are they renamed over their
 * targets, each rename atomic. A failure in the first phase removes the temporary files and the
 * folders it created, and names the file.
 */
export async function writeAllOrNothing(files: readonly { path: string; text: string }[], display: (path: string) => string = (path) => path): Promise<void> {
  const written: { temporary: string; path: string }[] = [];
  const created: string[] = [];
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    for (const file of files) {
      const folder = dirname(file.path);
      try {
        const first = await mkdir(folder, { recursive: true });
        // mkdir -p made `first` and every folder under it down to `folder`: those are ours to remove again.
        if (first !== undefined) for (let made = folder; made.length >= first.length; made = dirname(made)) created.push(made);
        if ((await lstat(file.path).catch(() => undefined))?.isDirectory() === true) {
          throw Object.assign(new Error(`EISDIR: a folder has the name of ${file.path}`), { code: "EISDIR" });
        }
        const temporary = join(folder, `.${basename(file.path)}.dwctl-import-${suffix}.tmp`);
        await writeFile(temporary, file.text, { flag: "wx" });
        written.push({ temporary, path: file.path });
      } catch (error) {
        throw new ImportWriteError(display(file.path), error);
      }
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => unlink(temporary).catch(() => undefined)));
    for (const folder of created) await rmdir(folder).catch(() => undefined);
    throw error;
  }
  for (const [index, { temporary, path }] of written.entries()) {
    try {
      await rename(temporary, path);
    } catch (error) {
      await Promise.all(written.slice(index).map((entry) => unlink(entry.temporary).catch(() => undefined)));
      throw new ImportWriteError(display(path), error);
    }
  }
}
