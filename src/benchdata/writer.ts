import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";

/**
 * Bulk inserts for the data set: rows are buffered per table, column by column, and sent as one
 * `INSERT … SELECT … FROM unnest($1::uuid[], $2::int4[], …)` per batch, which PostgreSQL and
 * PGlite both take (no COPY client is installed). Columns whose values repeat (tenant, state,
 * the shared password hash, canned narratives) go as a small dictionary plus indexes into it,
 * which cuts what is serialised and parsed several-fold. One statement is in flight while the
 * next batch is generated, so the generator and the database each keep a core busy.
 */

/**
 * `day` is an integer day number (days since 1970-01-01); `ts` epoch milliseconds, sent as whole
 * seconds from 2024-01-01 (an int4 parses several times faster than a float8).
 */
export type ColumnType = "uuid" | "text" | "int" | "bool" | "day" | "ts" | "jsonb" | `enum:${string}`;

export interface Column {
  name: string;
  type: ColumnType;
  /** Send as dictionary + indexes: for columns with few distinct values. */
  dict?: boolean;
}

export class Table {
  readonly buffers: unknown[][];
  rows = 0;
  written = 0;
  /** Time the database spent on this table's statements (they run one at a time per writer). */
  milliseconds = 0;
  constructor(
    readonly name: string,
    readonly columns: Column[],
  ) {
    this.buffers = columns.map(() => []);
  }

  add(values: unknown[]): void {
    for (let i = 0; i < this.buffers.length; i++) this.buffers[i]!.push(values[i] ?? null);
    this.rows++;
  }

  take(): unknown[][] {
    const taken = this.buffers.map((b) => b.splice(0));
    this.written += this.rows;
    this.rows = 0;
    return taken;
  }
}

export class BulkWriter {
  private readonly tables: Table[] = [];
  private inflight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Executor,
    private readonly batchSize: number,
  ) {}

  /** Tables are registered parents first: a flush sends every earlier table's rows before its own. */
  table(name: string, columns: Column[]): Table {
    const table = new Table(name, columns);
    this.tables.push(table);
    return table;
  }

  /** Sends the tables whose buffers are full. */
  async drain(): Promise<void> {
    for (const table of this.tables) if (table.rows >= this.batchSize) await this.flush(table);
  }

  /** Sends everything buffered and waits for the database to have it. */
  async finish(): Promise<void> {
    for (const table of this.tables) if (table.rows > 0) await this.send(table);
    await this.inflight;
  }

  stats(): Record<string, { rows: number; milliseconds: number }> {
    return Object.fromEntries(
      this.tables.map((t) => [t.name, { rows: t.written + t.rows, milliseconds: t.milliseconds }]),
    );
  }

  private async flush(table: Table): Promise<void> {
    // Foreign keys are checked row by row: rows a batch refers to must have been sent before it.
    for (const earlier of this.tables) {
      if (earlier === table) break;
      if (earlier.rows > 0) await this.send(earlier);
    }
    await this.send(table);
  }

  private async send(table: Table): Promise<void> {
    const statement = insertStatement(table.name, table.columns, table.take());
    await this.inflight;
    // drizzle's query is a lazy thenable that runs again on every `then`: run it once, keep the promise.
    const started = performance.now();
    const running = Promise.resolve(this.db.execute(statement)).then(() => {
      table.milliseconds += performance.now() - started;
    });
    // Awaited by the next send or by finish(); this only keeps Node from calling it unhandled meanwhile.
    running.catch(() => {});
    this.inflight = running;
  }
}

function insertStatement(table: string, columns: Column[], buffers: unknown[][]): SQL {
  const args: SQL[] = [];
  const selects: SQL[] = [];
  columns.forEach((column, k) => {
    const values = column.type === "ts" ? buffers[k]!.map(toSeconds) : buffers[k]!;
    const ref = sql.raw(`u.c${k}`);
    if (column.dict) {
      const { dictionary, indexes } = encode(values);
      args.push(sql`${sql.param(indexes)}::int4[]`);
      selects.push(convert(column.type, sql`(${sql.param(dictionary)}::text[])[${ref}]`, true));
    } else {
      args.push(sql`${sql.param(values)}::${sql.raw(arrayType(column.type))}`);
      selects.push(convert(column.type, ref, false));
    }
  });
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const aliases = sql.raw(columns.map((_, k) => `c${k}`).join(", "));
  return sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(args, sql`, `)}) as u(${aliases})`;
}

const TS_EPOCH_S = 1_704_067_200;
const toSeconds = (ms: unknown) => (typeof ms === "number" ? Math.round(ms / 1000) - TS_EPOCH_S : null);

function encode(values: unknown[]): { dictionary: string[]; indexes: (number | null)[] } {
  const positions = new Map<unknown, number>();
  const dictionary: string[] = [];
  const indexes = values.map((value) => {
    if (value === null || value === undefined) return null;
    let position = positions.get(value);
    if (position === undefined) {
      dictionary.push(String(value));
      position = dictionary.length;
      positions.set(value, position);
    }
    return position;
  });
  return { dictionary, indexes };
}

function arrayType(type: ColumnType): string {
  switch (type) {
    case "uuid":
      return "uuid[]";
    case "int":
    case "day":
    case "ts":
      return "int4[]";
    case "bool":
      return "bool[]";
    default:
      return "text[]";
  }
}

/** From the array's element (or a dictionary entry, always text) to the column's type. */
function convert(type: ColumnType, value: SQL, fromText: boolean): SQL {
  if (type.startsWith("enum:")) return sql`${value}::${sql.raw(`"${type.slice(5)}"`)}`;
  switch (type) {
    case "day":
      return fromText ? sql`date '1970-01-01' + (${value})::int4` : sql`date '1970-01-01' + ${value}`;
    case "ts":
      return sql`to_timestamp((${value})::int4 + ${sql.raw(String(TS_EPOCH_S))})`;
    case "jsonb":
      return sql`(${value})::jsonb`;
    case "uuid":
      return fromText ? sql`(${value})::uuid` : value;
    case "int":
      return fromText ? sql`(${value})::int4` : value;
    case "bool":
      return fromText ? sql`(${value})::bool` : value;
    default:
      return value;
  }
}

/** The tables that hold data (everything in the schema but the migrations' own bookkeeping). */
export async function dataTables(db: Executor): Promise<string[]> {
  const result = await db.execute(
    sql`select tablename from pg_tables where schemaname = current_schema() order by tablename`,
  );
  return rowsOf<{ tablename: string }>(result).map((r) => r.tablename);
}

/**
 * Empties every data table in one statement (the migration history lives in schema "drizzle"),
 * except the audit log: it is append-only (a trigger refuses TRUNCATE) and keeps its chains.
 */
export async function emptyDatabase(db: Executor): Promise<void> {
  const tables = (await dataTables(db)).filter((table) => table !== "audit_log");
  if (tables.length === 0) return;
  await db.execute(
    sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(", ")} restart identity cascade`),
  );
}

/** What the database already holds, to refuse overwriting it by accident. */
export async function existingData(db: Executor): Promise<{ tasks: number; tenants: number }> {
  const result = await db.execute(
    sql`select (select count(*) from tasks)::int as tasks, (select count(*) from tenants)::int as tenants`,
  );
  const row = rowsOf<{ tasks: number; tenants: number }>(result)[0]!;
  return { tasks: Number(row.tasks), tenants: Number(row.tenants) };
}
