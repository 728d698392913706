import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { auditActionLabel, auditActionLabels, auditEntityLabels } from "../../../src/domain/auditActions.ts";
import { type AuditEntry, type AuditFilter, auditQuery, useAuditLog } from "../api/audit.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { useUsers } from "../api/users.ts";
import { AuditChange } from "../components/AuditChange.tsx";
import { DownloadOutlined, FilterOutlined } from "../components/icons.tsx";
import { emptyText } from "../components/Loading.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";

interface FilterForm {
  range?: [Dayjs | null, Dayjs | null] | null;
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  ip?: string;
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

function toFilter(form: FilterForm): AuditFilter {
  return {
    from: form.range?.[0]?.toISOString(),
    to: form.range?.[1]?.toISOString(),
    userId: form.userId,
    action: trimmed(form.action),
    entityType: form.entityType,
    entityId: trimmed(form.entityId),
    ip: trimmed(form.ip),
  };
}

const actionOptions = [
  { value: "access.", label: "Mọi lần bị từ chối truy cập" },
  { value: "session.", label: "Mọi thao tác đăng nhập, đăng xuất" },
  ...Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: `${label} (${value})` })),
];

const columns: TableColumnsType<AuditEntry> = [
  { title: "Thời điểm", dataIndex: "at", width: 140, render: (at: string) => formatDateTime(at) },
  {
    title: "Người thực hiện",
    key: "actor",
    width: 220,
    render: (_, e) => (
      <>
        {e.actorName ?? e.actorLabel}
        {e.actorName && <div className="dd-muted">{e.actorLabel}</div>}
      </>
    ),
  },
  {
    title: "Thao tác",
    key: "action",
    render: (_, e) => (
      <>
        <Tag color={e.action === "access.denied" || e.action.endsWith("_failed") ? "red" : "blue"}>
          {auditActionLabel(e.action)}
        </Tag>
        {e.action === "access.denied" && (
          <div className="dd-muted">{String((e.after as { reason?: unknown } | null)?.reason ?? "")}</div>
        )}
      </>
    ),
  },
  {
    title: "Đối tượng",
    key: "entity",
    width: 200,
    render: (_, e) => (
      <>
        {auditEntityLabels[e.entityType] ?? e.entityType}
        {e.entityId && <div className="dd-muted dd-audit-hash">{e.entityId}</div>}
      </>
    ),
  },
  { title: "Địa chỉ IP", dataIndex: "ip", width: 130, render: (ip: string | null) => ip ?? "" },
];

/**
 * "Nhật ký hệ thống": administrators read who did what, when and from where, newest first,
 * filter it, open an entry to see what it changed, and export what they filtered.
 */
export function AuditLogPage() {
  useDocumentTitle("Nhật ký hệ thống");
  const me = useMe().data;
  const allowed = can.readAudit(me);
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter, allowed);
  const users = useUsers(allowed && can.listUsers(me));

  if (!allowed) {
    return <Alert type="warning" showIcon title="Chỉ quản trị viên được xem nhật ký hệ thống." />;
  }
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  const exportHref = (format: "csv" | "xlsx") => `/api/audit/export?${auditQuery(filter, { format })}`;

  return (
    <Card
      className="dd-audit-card"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          Nhật ký hệ thống
        </Typography.Title>
      }
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={exportHref("xlsx")} download>
            Xuất Excel
          </Button>
          <Button icon={<DownloadOutlined />} href={exportHref("csv")} download>
            Xuất CSV
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Mọi thao tác ghi và mọi yêu cầu bị từ chối đều được ghi lại; nhật ký không sửa, không xóa được và được nối chuỗi mã băm (kiểm tra bằng lệnh dondoc audit verify)."
      />
      <Form<FilterForm>
        form={form}
        layout="inline"
        className="dd-audit-filters"
        onFinish={(values) => setFilter(toFilter(values))}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="range" label="Thời gian">
          <DatePicker.RangePicker
            showTime={{ format: "HH:mm" }}
            format="DD/MM/YYYY HH:mm"
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Form.Item name="userId" label="Người thực hiện">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            options={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.username})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="action" label="Thao tác">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 280 }}
            options={actionOptions}
          />
        </Form.Item>
        <Form.Item name="entityType" label="Đối tượng">
          <Select
            allowClear
            style={{ width: 170 }}
            options={Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label="Mã đối tượng">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="ip" label="Địa chỉ IP">
          <Input allowClear style={{ width: 140 }} placeholder="vd. 10.0." />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<FilterOutlined />}>
            Lọc
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            Xóa bộ lọc
          </Button>
        </Space>
      </Form>
      {log.isError && (
        <Alert type="error" showIcon title={errorMessage(log.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<AuditEntry>
        className="dd-audit-table"
        scroll={{ x: 900 }}
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={log.isPending}
        pagination={false}
        rowClassName={() => "dd-audit-row"}
        expandable={{ expandedRowRender: (entry) => <AuditChange entry={entry} /> }}
        locale={{ emptyText: emptyText(log.isPending, "Không có bản ghi nào khớp bộ lọc.") }}
      />
      {log.hasNextPage && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            Xem thêm
          </Button>
        </div>
      )}
      {!log.hasNextPage && items.length > 0 && (
        <div className="dd-muted" style={{ textAlign: "center", marginTop: 12 }}>
          Đã hiển thị toàn bộ {formatNumber(items.length)} bản ghi.
        </div>
      )}
    </Card>
  );
}
