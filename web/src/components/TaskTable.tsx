import { Grid, Pagination, Spin, Table, type TableColumnsType, type TablePaginationConfig } from "antd";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import type { PlanSection, TaskRow } from "../api/types.ts";
import { formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { DeadlineCell } from "./DeadlineCell.tsx";
import { Highlight } from "./Highlight.tsx";
import { LeadProgress, StatusTag } from "./StatusTag.tsx";
import { TaskCard } from "./TaskCard.tsx";

/** A task, or the heading of the section the following tasks belong to, as in the document. */
type Row =
  | { kind: "task"; key: string; task: TaskRow }
  | { kind: "section"; key: string; section: PlanSection };

const COLUMN_COUNT = 7;

function withSectionHeadings(tasks: TaskRow[], sections: PlanSection[]): Row[] {
  const byNumeral = new Map(sections.map((s) => [s.numeral, s]));
  const rows: Row[] = [];
  let current: string | null | undefined;
  for (const task of tasks) {
    if (task.section !== current) {
      current = task.section;
      const section = task.section ? byNumeral.get(task.section) : undefined;
      if (section) rows.push({ kind: "section", key: `section-${section.id}-${task.id}`, section });
    }
    rows.push({ kind: "task", key: task.id, task });
  }
  return rows;
}

function List({ items, query }: { items: string[]; query?: string }) {
  if (items.length === 0) return null;
  if (items.length === 1) return <Highlight text={items[0]!} query={query} />;
  return (
    <ul className="dd-cell-list">
      {items.map((item) => (
        <li key={item}>
          <Highlight text={item} query={query} />
        </li>
      ))}
    </ul>
  );
}

/** Spans section headings over the whole row; task cells are rendered as usual. */
const cell = (first: boolean) => (row: Row) =>
  row.kind === "section" ? { colSpan: first ? COLUMN_COUNT : 0 } : {};

/** The task page, at the same day as the table when one was chosen. */
const taskLink = (task: TaskRow, asOf?: string) =>
  asOf ? `${paths.task(task.id)}?ngay=${encodeURIComponent(asOf)}` : paths.task(task.id);

const columnsFor = (query?: string, asOf?: string): TableColumnsType<Row> => [
  {
    title: "STT",
    key: "ref",
    width: 72,
    align: "center",
    onCell: cell(true),
    render: (_, row) =>
      row.kind === "section" ? (
        <div className="dd-section-heading">
          {row.section.numeral}. {row.section.title}
        </div>
      ) : (
        <span className="dd-ref">
          <Highlight text={row.task.ref} query={query} />
        </span>
      ),
  },
  {
    title: "Tên nhiệm vụ",
    key: "title",
    onCell: cell(false),
    render: (_, row) =>
      row.kind === "task" && (
        <>
          <Link to={taskLink(row.task, asOf)} className="dd-task-link dd-pre">
            <Highlight text={row.task.title} query={query} />
          </Link>
          {row.task.sources.length > 0 && (
            <div className="dd-muted">Văn bản giao: {row.task.sources.join("; ")}</div>
          )}
          {row.task.note && <div className="dd-muted dd-pre">Ghi chú: {row.task.note}</div>}
        </>
      ),
  },
  {
    title: "Cơ quan chủ trì",
    key: "leads",
    width: 210,
    onCell: cell(false),
    render: (_, row) =>
      row.kind === "task" && (
        <>
          <List items={row.task.leads} query={query} />
          {row.task.responsible && (
            <div className="dd-muted" title="Người đứng đầu chịu trách nhiệm">
              Chịu trách nhiệm: <Highlight text={row.task.responsible} query={query} />
            </div>
          )}
        </>
      ),
  },
  {
    title: "Cơ quan phối hợp",
    key: "coordinators",
    width: 210,
    onCell: cell(false),
    render: (_, row) => row.kind === "task" && <List items={row.task.coordinators} query={query} />,
  },
  {
    title: "Sản phẩm",
    key: "output",
    width: 180,
    onCell: cell(false),
    render: (_, row) => row.kind === "task" && <div className="dd-pre">{row.task.output}</div>,
  },
  {
    title: "Thời hạn",
    key: "deadline",
    width: 140,
    onCell: cell(false),
    render: (_, row) => row.kind === "task" && <DeadlineCell task={row.task} />,
  },
  {
    title: "Trạng thái",
    key: "status",
    width: 175,
    onCell: cell(false),
    render: (_, row) =>
      row.kind === "task" && (
        <>
          <StatusTag
            status={row.task.status}
            daysOverdue={row.task.daysOverdue}
            dueSoon={row.task.dueSoon}
            unreported={row.task.unreported}
          />
          <LeadProgress counts={row.task.leadStatusCounts} />
        </>
      ),
  },
];

export interface TaskTableProps {
  tasks: TaskRow[];
  sections: PlanSection[];
  total: number;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  loading: boolean;
  /** The search text, marked wherever it occurs. */
  query?: string;
  /** The day statuses are computed for (yyyy-mm-dd), passed on to the task page. */
  asOf?: string;
  empty: React.ReactNode;
  onPageChange(page: number, pageSize: number): void;
}

const totalText = (total: number, [from, to]: [number, number]) =>
  `${formatNumber(from)}–${formatNumber(to)} trong ${formatNumber(total)} nhiệm vụ`;

/** On a phone, the tasks as cards under their section headings, paged like the table. */
function TaskCardList(props: TaskTableProps) {
  const rows = withSectionHeadings(props.tasks, props.sections);
  return (
    <Spin spinning={props.loading}>
      <div className="dd-task-cards">
        {rows.length === 0 && <div className="dd-task-cards-empty">{props.empty}</div>}
        {rows.map((row) =>
          row.kind === "section" ? (
            <div key={row.key} className="dd-section-heading dd-task-cards-section">
              {row.section.numeral}. {row.section.title}
            </div>
          ) : (
            <TaskCard key={row.key} task={row.task} to={taskLink(row.task, props.asOf)} query={props.query} />
          ),
        )}
      </div>
      {props.total > 0 && (
        <Pagination
          simple
          align="center"
          style={{ marginTop: 12 }}
          current={props.page}
          pageSize={props.pageSize}
          total={props.total}
          showTotal={totalText}
          onChange={props.onPageChange}
        />
      )}
    </Spin>
  );
}

/** Shares of the sheet's width (A4 landscape), the title taking the most as on the document. */
const PRINT_WIDTHS: Record<string, string> = {
  ref: "6%",
  title: "29%",
  leads: "16%",
  coordinators: "15%",
  output: "13%",
  deadline: "10%",
  status: "11%",
};

/** The whole list for paper: every column, no paging, no sideways scrolling. */
export function PrintTaskTable(props: { tasks: TaskRow[]; sections: PlanSection[]; asOf?: string }) {
  const columns = useMemo(
    () =>
      columnsFor(undefined, props.asOf).map((column) => ({
        ...column,
        width: PRINT_WIDTHS[String(column.key)],
      })),
    [props.asOf],
  );
  return (
    <Table<Row>
      className="dd-task-table dd-print-table"
      size="small"
      bordered
      columns={columns}
      dataSource={withSectionHeadings(props.tasks, props.sections)}
      rowKey="key"
      rowClassName={(row) => (row.kind === "section" ? "dd-section-row" : "dd-task-row")}
      pagination={false}
      tableLayout="fixed"
    />
  );
}

export function TaskTable(props: TaskTableProps) {
  const columns = useMemo(() => columnsFor(props.query, props.asOf), [props.query, props.asOf]);
  const phone = Grid.useBreakpoint().md === false;
  if (phone) return <TaskCardList {...props} />;
  const pagination: TablePaginationConfig = {
    current: props.page,
    pageSize: props.pageSize,
    total: props.total,
    pageSizeOptions: props.pageSizes.map(String),
    showSizeChanger: true,
    showTotal: totalText,
    onChange: props.onPageChange,
    position: ["bottomRight"],
  };
  return (
    <Table<Row>
      className="dd-task-table"
      size="small"
      bordered
      columns={columns}
      dataSource={withSectionHeadings(props.tasks, props.sections)}
      rowKey="key"
      rowClassName={(row) => (row.kind === "section" ? "dd-section-row" : "dd-task-row")}
      loading={props.loading}
      pagination={pagination}
      locale={{ emptyText: props.empty }}
      scroll={{ x: 1300 }}
      sticky={{ offsetHeader: 58 }}
    />
  );
}
