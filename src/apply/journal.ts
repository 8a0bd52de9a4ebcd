import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { redact } from "../live/http/redact.js";

export interface JournalEntry {
  at: string;
  step: string;
  kind: string;
  event: "start" | "end" | "note";
  outcome?: "ok" | "failed" | "skipped";
  description?: string;
  durationMs?: number;
  error?: string;
  requestIds?: string[];
}

/**
 * The record of a run: JSON lines under .dwctl/runs/<run id>/, written synchronously so that
 * it survives a crash up to the last step that started.
 */
export class Journal {
  readonly dir: string;
  readonly file: string;
  #fd: number | undefined;

  constructor(root: string, runId: string) {
    this.dir = join(root, runId);
    mkdirSync(this.dir, { recursive: true });
    this.file = join(this.dir, "journal.jsonl");
    this.#fd = openSync(this.file, "a");
  }

  /** Appends one line with a write(2) of its own: once it returns, a kill -9 cannot lose it. */
  write(entry: Omit<JournalEntry, "at">): void {
    if (this.#fd === undefined) throw new Error(`the journal ${this.file} is closed`);
    const line = redact(JSON.stringify({ at: new Date().toISOString(), ...entry }));
    writeSync(this.#fd, `${line}\n`);
  }

  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  attach(name: string, text: string): void {
    writeFileSync(join(this.dir, name), redact(text));
  }
}
