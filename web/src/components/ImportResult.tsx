import { Alert, Button, Card, Collapse, Result, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import type { CommitResult, FieldChange } from "../api/imports.ts";
import { formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

const FIELD_LABELS: Record<string, string> = {
  title: "Tên nhiệm vụ",
  leads: "Cơ quan chủ trì",
  coordinators: "Cơ quan phối hợp",
  responsible: "Người chịu trách nhiệm",
  output: "Sản phẩm",
  note: "Ghi chú",
  sources: "Văn bản giao",
  deadline: "Thời hạn",
  deadlineText: "Thời hạn",
  dueOn: "Hạn hoàn thành",
  deadlineKind: "Loại thời hạn",
  section: "Phần",
  ref: "Số thứ tự",
  number: "Số thứ tự",
};

/** A value of the diff as plain text: lists joined, objects shown as their text when they have one. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(trống)";
  if (Array.isArray(value)) return value.map(show).join("; ");
  if (typeof value === "object") {
    const v = value as { text?: unknown };
    return typeof v.text === "string" ? v.text : JSON.stringify(value);
  }
  return String(value);
}

/** After commit: the plan saved; for a re-import, what changed (added, changed, removed). */
export function ImportResult({ result }: { result: CommitResult }) {
  const { diff } = result;
  const changedRows = diff.changed.flatMap((c) =>
    c.fields.map((f: FieldChange, i) => ({ key: `${c.ref}-${f.field}-${i}`, ref: c.ref, ...f })),
  );
  return (
    <Card data-testid="import-result">
      <Result
        status="success"
        title={result.reimport ? "Đã cập nhật kế hoạch theo văn bản mới" : "Đã lưu kế hoạch"}
        subTitle={
          result.reimport
            ? `Thêm ${formatNumber(diff.added.length)}, sửa ${formatNumber(diff.changed.length)}, gỡ ${formatNumber(
                diff.removed.length,
              )} nhiệm vụ. Báo cáo đã có của các đơn vị được giữ nguyên.`
            : undefined
        }
        extra={
          <Link to={paths.plan(result.planId)}>
            <Button type="primary">Mở kế hoạch</Button>
          </Link>
        }
      />
      {result.unresolvedAgencies.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${formatNumber(result.unresolvedAgencies.length)} tên cơ quan chưa gắn với danh mục: ${result.unresolvedAgencies.join("; ")}`}
        />
      )}
      {result.createdAgencies.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đã thêm vào danh mục: ${result.createdAgencies.map((a) => a.name).join("; ")}`}
        />
      )}
      {result.reimport && (
        <Collapse
          defaultActiveKey={["changed", "added", "removed", "conflicts"]}
          items={[
            {
              key: "added",
              label: `Nhiệm vụ thêm mới (${formatNumber(diff.added.length)})`,
              children: diff.added.length ? diff.added.map((ref) => <Tag key={ref}>{ref}</Tag>) : "Không có.",
            },
            {
              key: "changed",
              label: `Nhiệm vụ thay đổi (${formatNumber(diff.changed.length)})`,
              children: (
                <Table
                  size="small"
                  bordered
                  pagination={false}
                  data-testid="import-diff-changed"
                  dataSource={changedRows}
                  locale={{ emptyText: "Không có." }}
                  columns={[
                    { title: "STT", dataIndex: "ref", width: 70 },
                    {
                      title: "Trường",
                      dataIndex: "field",
                      width: 160,
                      render: (f: string) => FIELD_LABELS[f] ?? f,
                    },
                    {
                      title: "Trước",
                      dataIndex: "before",
                      render: (v: unknown) => <div className="dd-pre">{show(v)}</div>,
                    },
                    {
                      title: "Sau",
                      dataIndex: "after",
                      render: (v: unknown) => <div className="dd-pre">{show(v)}</div>,
                    },
                  ]}
                />
              ),
            },
            {
              key: "removed",
              label: `Nhiệm vụ bị gỡ (${formatNumber(diff.removed.length)})`,
              children: diff.removed.length
                ? diff.removed.map((ref) => <Tag key={ref}>{ref}</Tag>)
                : "Không có.",
            },
            ...(diff.conflicts.length
              ? [
                  {
                    key: "conflicts",
                    label: `Cần xử lý (${formatNumber(diff.conflicts.length)})`,
                    children: (
                      <ul className="dd-cell-list">
                        {diff.conflicts.map((c) => (
                          <li key={`${c.ref}-${c.agencyName}-${c.role}`}>
                            {c.ref} · {c.agencyName}: {c.message}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
