import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
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

  constructor(root: string, runId: string) {
    this.dir = join(root, runId);
    mkdirSync(this.dir, { recursive: true });
    this.file = join(this.dir, "journal.jsonl");
  }

  write(entry: Omit<JournalEntry, "at">): void {
    const line = redact(JSON.stringify({ at: new Date().toISOString(), ...entry }));
    appendFileSync(this.file, `${line}\n`);
  }

  attach(name: string, text: string): void {
    writeFileSync(join(this.dir, name), redact(text));
  }
}
