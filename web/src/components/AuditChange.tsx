import { Descriptions, Table, Typography } from "antd";
import { auditFieldLabels } from "../../../src/domain/auditActions.ts";
import type { AuditEntry } from "../api/audit.ts";

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const show = (value: unknown) =>
  value === undefined ? (
    <span className="dd-muted">(không có)</span>
  ) : typeof value === "string" ? (
    value
  ) : (
    <code className="dd-audit-json">{JSON.stringify(value, null, 1)}</code>
  );

interface FieldRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/**
 * What an entry changed, field by field: before and after side by side, changed fields marked.
 * Anything that is not a record of fields (a list, a number) is shown as its JSON.
 */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { before, after } = entry;
  const details = (
    <Descriptions size="small" column={1} bordered>
      {entry.entityId && <Descriptions.Item label="Mã đối tượng">{entry.entityId}</Descriptions.Item>}
      {entry.userAgent && <Descriptions.Item label="Trình duyệt">{entry.userAgent}</Descriptions.Item>}
      {entry.requestId && <Descriptions.Item label="Mã yêu cầu">{entry.requestId}</Descriptions.Item>}
      <Descriptions.Item label="Số thứ tự, mã băm">
        <Typography.Text className="dd-audit-hash">
          #{entry.seq} · {entry.hash}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
  if (before == null && after == null) return details;
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    return (
      <>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="Trước">{show(before ?? undefined)}</Descriptions.Item>
          <Descriptions.Item label="Sau">{show(after ?? undefined)}</Descriptions.Item>
        </Descriptions>
        {details}
      </>
    );
  }
  const b = before ?? {};
  const a = after ?? {};
  const rows: FieldRow[] = [...new Set([...Object.keys(b), ...Object.keys(a)])].map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  // An update marks what changed; a creation (no before) or a removal (no after) marks nothing.
  const marked = (row: FieldRow) => row.changed && before != null && after != null;
  const highlight = (row: FieldRow) => (marked(row) ? { style: { background: "#fffbe6" } } : {});
  return (
    <>
      <Table<FieldRow>
        className="dd-audit-change"
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        rowClassName={(row) => (marked(row) ? "dd-audit-changed" : "")}
        columns={[
          {
            title: "Trường",
            dataIndex: "field",
            width: 200,
            render: (field: string) =>
              auditFieldLabels[field] ? (
                <>
                  {auditFieldLabels[field]} <span className="dd-muted">({field})</span>
                </>
              ) : (
                field
              ),
          },
          // A creation or a refusal has only an "after", a removal only a "before": one column then.
          ...(before == null
            ? []
            : [
                {
                  title: "Trước",
                  key: "before",
                  onCell: highlight,
                  render: (_: unknown, row: FieldRow) => show(row.before),
                },
              ]),
          ...(after == null
            ? []
            : [
                {
                  title: before == null ? "Nội dung" : "Sau",
                  key: "after",
                  onCell: highlight,
                  render: (_: unknown, row: FieldRow) => show(row.after),
                },
              ]),
        ]}
      />
      {details}
    </>
  );
}
