import { randomBytes } from "node:crypto";
import type { CommandContext } from "../commands/context.ts";
import { createUser } from "../commands/createUser.ts";
import { ensureTenant } from "../commands/ensureTenant.ts";
import { upsertAgencyTree } from "../commands/upsertAgencyTree.ts";
import type { Database } from "../db/client.ts";
import type { AgencySeed } from "../domain/agencyDirectory.ts";
import type { Role } from "../policies/principal.ts";

export const TEST_PASSWORD = "correct-horse-battery";

const suffix = () => randomBytes(3).toString("hex");

/** Runs a function as a command in its own transaction, acting as the test. */
export function asTest<T>(
  db: Database,
  tenantId: string,
  run: (ctx: CommandContext) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => run({ tx, tenantId, actor: { userId: null, label: "test" } }));
}

export async function makeTenant(db: Database, code = `t-${suffix()}`) {
  return ensureTenant(db, { code, name: `Tỉnh thử ${code}` });
}

export async function makeAgencies(db: Database, tenantId: string, tree: AgencySeed[]) {
  return asTest(db, tenantId, (ctx) => upsertAgencyTree(ctx, tree));
}

export async function makeUser(
  db: Database,
  tenantId: string,
  options: { roles: Role[]; agencyId?: string | null; username?: string },
) {
  const username = options.username ?? `u-${suffix()}`;
  const user = await asTest(db, tenantId, (ctx) =>
    createUser(
      ctx,
      {
        username,
        displayName: `Người dùng ${username}`,
        password: TEST_PASSWORD,
        roles: options.roles,
        agencyId: options.agencyId ?? null,
      },
      // Tests log in as these accounts and go straight to work.
      { mustChangePassword: false },
    ),
  );
  return { ...user, password: TEST_PASSWORD };
}
