// For tests of committed generated files: fails naming the command to run and the first line that differs.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

export function expectGeneratedUpToDate(file: string, expected: string, source: string, command: string): void {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (committed === expected) return;
  const want = expected.split("\n");
  const have = committed.split("\n");
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? have.length : line;
  expect.fail(
    `${path.relative(process.cwd(), file)} no longer matches ${source}: run \`${command}\` and commit the result.\n` +
      `First difference at line ${at + 1}:\n  committed: ${have[at] ?? "(end of file)"}\n  generated: ${want[at] ?? "(end of file)"}`,
  );
}
