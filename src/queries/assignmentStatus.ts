import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, assignments, assignmentStatusFacts as f } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import type { IsoDate } from "../domain/dates.ts";
import { DUE_SOON_DAYS, type StatusResult } from "../domain/status.ts";
import {
  daysLeftSql,
  daysOverdueSql,
  dueAsOfSql,
  dueSoonSql,
  statusSql,
  unreportedSql,
} from "./statusSql.ts";

export interface AssignmentWithStatus extends StatusResult {
  assignmentId: string;
  taskId: string;
  agencyId: string;
  agencyName: string;
  role: AssignmentRole;
  viaGroupId: string | null;
  originalDue: IsoDate | null;
}

export interface AssignmentSelection {
  planId?: string;
  taskIds?: string[];
  agencyIds?: string[];
  role?: AssignmentRole;
}

/** The status columns of an assignment as of a day, computed by the database from its facts. */
export const statusColumns = (asOf: IsoDate, dueSoonDays: number | SQL = DUE_SOON_DAYS) => ({
  status: statusSql(asOf),
  due: dueAsOfSql(asOf),
  daysOverdue: daysOverdueSql(asOf),
  dueSoon: dueSoonSql(asOf, dueSoonDays),
  daysLeft: daysLeftSql(asOf),
  unreported: unreportedSql(asOf),
});

/** Every selected assignment with its status as of a day, in one query over the status facts. */
export async function loadAssignmentStatuses(
  db: Executor,
  tenantId: string,
  selection: AssignmentSelection,
  asOf: IsoDate,
  options: { dueSoonDays?: number } = {},
): Promise<AssignmentWithStatus[]> {
  const where: SQL[] = [inTenant(f, tenantId)];
  if (selection.planId) where.push(eq(f.planId, selection.planId));
  if (selection.taskIds) where.push(inArray(f.taskId, selection.taskIds.length ? selection.taskIds : [NONE]));
  if (selection.agencyIds) {
    where.push(inArray(f.agencyId, selection.agencyIds.length ? selection.agencyIds : [NONE]));
  }
  if (selection.role) where.push(eq(f.role, selection.role));

  const rows = await db
    .select({
      assignmentId: f.assignmentId,
      taskId: f.taskId,
      agencyId: f.agencyId,
      agencyName: agencies.name,
      role: f.role,
      viaGroupId: assignments.viaGroupId,
      originalDue: f.originalDueOn,
      ...statusColumns(asOf, options.dueSoonDays ?? DUE_SOON_DAYS),
    })
    .from(f)
    .innerJoin(assignments, tenantJoin(assignments.id, f.assignmentId))
    .innerJoin(agencies, tenantJoin(agencies.id, f.agencyId))
    .where(and(...where));
  return rows.map(normalizeStatusRow);
}

/** Drivers return day differences as strings or numbers; the API speaks numbers. */
export function normalizeStatusRow<
  T extends { daysOverdue: unknown; daysLeft: unknown; dueSoon: unknown; unreported?: unknown },
>(
  row: T,
): T & { daysOverdue: number | null; daysLeft: number | null; dueSoon: boolean; unreported: boolean } {
  return {
    ...row,
    daysOverdue: row.daysOverdue === null ? null : Number(row.daysOverdue),
    daysLeft: row.daysLeft === null ? null : Number(row.daysLeft),
    dueSoon: row.dueSoon === true || row.dueSoon === "t",
    unreported: row.unreported === true || row.unreported === "t",
  };
}

const NONE = "00000000-0000-0000-0000-000000000000";
