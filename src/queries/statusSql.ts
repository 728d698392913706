import { type SQL, sql } from "drizzle-orm";
import { assignmentStatusFacts } from "../db/schema/index.ts";
import type { IsoDate } from "../domain/dates.ts";
import type { AssignmentStatus } from "../domain/status.ts";

/**
 * `assignmentStatus` of src/domain/status.ts written as SQL over assignment_status_facts, so
 * that a status filter is a WHERE, counts are a GROUP BY and "quá hạn lâu nhất" an ORDER BY.
 * The domain function stays the definition; statusSql.test.ts generates random histories and
 * checks that both agree on every day. Each builder takes the as-of day as a bound parameter.
 */
const f = assignmentStatusFacts;

/** A day: a bound ISO date, or a date-valued SQL expression (a column of generate_series). */
export type AsOf = IsoDate | SQL;

const day = (asOf: AsOf) => (typeof asOf === "string" ? sql`${asOf}::date` : asOf);

/** The due date in force on asOf: the latest change approved by then, else the original. */
export function dueAsOfSql(asOf: AsOf): SQL<string | null> {
  const d = day(asOf);
  // Looking into the history is only needed for a day before the latest approved change
  // (dondoc_due_in_history, drizzle/0002_due_in_history.sql).
  return sql<string | null>`(case
    when ${f.dueChangedOn} is null or ${f.dueChangedOn} <= ${d} then ${f.dueOn}
    else dondoc_due_in_history(${f.dueHistory}, ${f.originalDueOn}, ${d})
  end)`;
}

const completedSql = (asOf: AsOf) => sql`(${f.completionApprovedOn} <= ${day(asOf)})`;

export function statusSql(asOf: AsOf): SQL<AssignmentStatus> {
  const d = day(asOf);
  const due = dueAsOfSql(asOf);
  return sql<AssignmentStatus>`(case
    when ${completedSql(asOf)} then
      case when ${due} is not null and ${f.completionSubmittedOn} > ${due}
        then 'done_late' else 'done_on_time' end
    when ${due} is null then
      case when ${f.deadlineKind} = 'recurring' then 'recurring' else 'no_deadline' end
    when ${due} < ${d} then 'overdue'
    when ${f.deadlineKind} = 'recurring' then 'recurring'
    when ${f.firstReportedOn} <= ${d} then 'in_progress'
    else 'not_started'
  end)`;
}

/*
 * Necessary conditions: each holds whenever the status expression gives that status (not the
 * converse), and reads the facts' columns directly, without the history lookup. A filter first
 * narrows the rows with one, then applies the exact expression to what is left: the few leads
 * that may be overdue instead of every lead of the province. statusSql.test.ts checks that no
 * generated history ever has the status without the condition.
 */
const notDoneBy = (asOf: AsOf) =>
  sql`(${f.completionApprovedOn} is null or ${f.completionApprovedOn} > ${day(asOf)})`;
/** A due date moved after asOf: the date in force then is in the history, anything is possible. */
const movedAfter = (asOf: AsOf) => sql`${f.dueChangedOn} > ${day(asOf)}`;

export function mayBeOverdueSql(asOf: AsOf): SQL<boolean> {
  return sql<boolean>`(${notDoneBy(asOf)} and (${f.dueOn} < ${day(asOf)} or ${movedAfter(asOf)}))`;
}

export function mayBeDueSoonSql(asOf: AsOf, days: number): SQL<boolean> {
  const d = day(asOf);
  return sql<boolean>`(${notDoneBy(asOf)}
    and (${f.dueOn} between ${d} and ${d} + ${days}::int or ${movedAfter(asOf)}))`;
}

/** Days past due: for overdue (until asOf) and done late (until the submission). */
export function daysOverdueSql(asOf: AsOf): SQL<number | null> {
  const due = dueAsOfSql(asOf);
  return sql<number | null>`(case
    when ${completedSql(asOf)} then
      case when ${due} is not null and ${f.completionSubmittedOn} > ${due}
        then ${f.completionSubmittedOn} - ${due} end
    when ${due} < ${day(asOf)} then ${day(asOf)} - ${due}
  end)`;
}

/**
 * Overdue with no report by asOf ("Quá hạn, chưa báo cáo"): the qualifier `unreported` of the
 * domain's result. first_reported_on is the first report that was not returned, as the domain's
 * activeReportDates are.
 */
export function unreportedSql(asOf: AsOf): SQL<boolean> {
  const d = day(asOf);
  return sql<boolean>`coalesce(${notDoneBy(asOf)} and ${dueAsOfSql(asOf)} < ${d}
    and (${f.firstReportedOn} is null or ${f.firstReportedOn} > ${d}), false)`;
}

/** Days until due (0 = today, negative when overdue) while not done. */
export function daysLeftSql(asOf: AsOf): SQL<number | null> {
  return sql<number | null>`(case
    when ${completedSql(asOf)} then null
    else ${dueAsOfSql(asOf)} - ${day(asOf)}
  end)`;
}

/** Sắp đến hạn: not done, not overdue, due within `days`. */
export function dueSoonSql(asOf: AsOf, days: number | SQL): SQL<boolean> {
  const left = daysLeftSql(asOf);
  return sql<boolean>`coalesce(${left} between 0 and ${days}, false)`;
}

/**
 * The task's own status when no lead agency resolved: its deadline alone, nothing reported.
 * Takes the task's deadline kind and due date columns.
 */
export function ownTaskStatusSql(asOf: AsOf, kind: SQL | unknown, due: SQL | unknown): SQL<AssignmentStatus> {
  const d = day(asOf);
  return sql<AssignmentStatus>`(case
    when ${due} is null then case when ${kind} = 'recurring' then 'recurring' else 'no_deadline' end
    when ${due} < ${d} then 'overdue'
    when ${kind} = 'recurring' then 'recurring'
    else 'not_started'
  end)`;
}

/**
 * `taskStatus` of the domain over a group of lead statuses: done when every lead is done (late
 * if any was late), otherwise the most urgent state among the leads. An aggregate expression.
 */
export function taskStatusAggregateSql(status: SQL): SQL<AssignmentStatus> {
  return sql<AssignmentStatus>`(case
    when bool_and(${status} in ('done_on_time', 'done_late')) then
      case when bool_or(${status} = 'done_late') then 'done_late' else 'done_on_time' end
    else (array['overdue', 'in_progress', 'not_started', 'recurring', 'no_deadline'])[min(case ${status}
      when 'overdue' then 1 when 'in_progress' then 2 when 'not_started' then 3
      when 'recurring' then 4 when 'no_deadline' then 5 end)]
  end)`;
}

/**
 * How many days of an ascending date[] of the facts (reviewed_days, returned_days,
 * reported_periods, late_periods) fall in [from, to] (from omitted: up to `to`). width_bucket
 * finds by binary search how many elements are at most a day, so nothing is unnested.
 */
export function countDaysSql(days: SQL, to: AsOf, from?: AsOf): SQL<number> {
  const upTo = sql`width_bucket(${day(to)}, ${days})`;
  if (from === undefined) return sql<number>`${upTo}`;
  return sql<number>`greatest(${upTo} - width_bucket(${day(from)} - 1, ${days}), 0)`;
}
