import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every write is audited: each command file writes its audit row (recordAudit) itself. A file
 * that does not is one of these, each with its reason; a new command missing from both fails.
 */
const exceptions: Record<string, string> = {
  "context.ts": "defines recordAudit",
  "commitImport.child.ts": "a test's child process running commitImport, which audits",
  "ensureAdmin.ts": "delegates to createUser, which writes user.create",
  "ensureTenant.ts": "creates the tenant at first start, before its audit chain can exist",
  "linkUpstreamTasks.ts":
    "a step of createTask, updateTask and the plan commands, whose rows carry the links",
  "notify.ts": "notifications follow a command that has written its own audit row",
  "sweepSessions.ts":
    "removes sessions already ended by time (idle or past their lifetime): housekeeping, no one acts",
  "touchSession.ts":
    "moves a session's last-seen time forward at most once a minute: a read, not a change of data",
  "syncPlanIndicators.ts": "a step of updatePlanFromExtraction, whose row carries the indicator changes",
};

const folder = path.dirname(fileURLToPath(import.meta.url));
const commandFiles = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

describe("audit coverage", () => {
  it("has every command file write an audit row, or name why not", () => {
    const silent = commandFiles.filter(
      (name) => !/\bawait recordAudit\(/.test(fs.readFileSync(path.join(folder, name), "utf8")),
    );
    expect(silent.sort()).toEqual(Object.keys(exceptions).sort());
  });

  it("keeps no exception for a file that is gone", () => {
    for (const name of Object.keys(exceptions)) expect(commandFiles, name).toContain(name);
  });
});
