import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography, Upload } from "antd";
import { useMemo, useState } from "react";
import { groupMemberIds } from "../../../src/domain/agencyDirectory.ts";
import { agencyLevels } from "../../../src/domain/agencyLevels.ts";
import { type Agency, useAgencies, useImportAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { AgencyForm } from "../components/AgencyForm.tsx";
import { AliasEditor } from "../components/AliasEditor.tsx";
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "../components/icons.tsx";
import { Count, emptyText, isUpdating } from "../components/Loading.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { compareVietnamese, foldForSearch, formatNumber } from "../lib/format.ts";
import { AGENCY_LEVEL_LABELS } from "../lib/labels.ts";

type Node = Agency & { children?: Node[] };

/** The directory as a tree (parent → children), sorted the Vietnamese way at each level. */
function buildTree(agencies: Agency[]): Node[] {
  const nodes = new Map<string, Node>(agencies.map((a) => [a.id, { ...a }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const sort = (list: Node[]) => {
    list.sort(
      (a, b) =>
        Number(a.isGroup) - Number(b.isGroup) ||
        agencyLevels.indexOf(a.level) - agencyLevels.indexOf(b.level) ||
        compareVietnamese(a.name, b.name),
    );
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

const matches = (agency: Agency, folded: string) =>
  [agency.name, agency.shortName ?? "", agency.code ?? "", ...agency.aliases.map((a) => a.alias)].some(
    (text) => foldForSearch(text).includes(folded),
  );

/**
 * "Cơ quan, đơn vị": the agency tree with levels, short names, aliases and groups. Administrators
 * add and edit agencies and import the directory; the standing office adds aliases; others read.
 */
export function AgenciesPage() {
  useDocumentTitle("Cơ quan, đơn vị");
  const me = useMe().data;
  const agencies = useAgencies();
  const importFile = useImportAgencies();
  const { message } = App.useApp();
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Agency | "new" | null>(null);
  const manage = can.manageAgencies(me);
  const addAlias = can.addAlias(me);
  const all = agencies.data ?? [];
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);

  const folded = foldForSearch(query);
  const data = useMemo<Node[]>(
    () =>
      folded
        ? all.filter((a) => matches(a, folded)).sort((a, b) => compareVietnamese(a.name, b.name))
        : buildTree(all),
    [all, folded],
  );

  const columns: TableColumnsType<Node> = [
    {
      title: "Tên cơ quan, đơn vị",
      key: "name",
      render: (_, a) => (
        <span className="dd-agency-name">
          <b>{a.name}</b>
          {a.shortName && <span className="dd-muted"> ({a.shortName})</span>}
          {!a.active && <Tag style={{ marginLeft: 8 }}>Ngừng hoạt động</Tag>}
        </span>
      ),
    },
    { title: "Cấp", key: "level", width: 150, render: (_, a) => AGENCY_LEVEL_LABELS[a.level] ?? a.level },
    { title: "Mã", dataIndex: "code", width: 130, render: (code: string | null) => code ?? "" },
    {
      title: "Tên gọi khác",
      key: "aliases",
      width: 330,
      render: (_, a) => <AliasEditor agency={a} canAdd={addAlias} canRemove={manage} />,
    },
    {
      title: "Nhóm",
      key: "group",
      width: 220,
      render: (_, a) =>
        a.isGroup && (
          <>
            <Tag color="purple">Nhóm cơ quan</Tag>
            <div className="dd-muted">
              {formatNumber(a.group ? groupMemberIds(a.group, all).length : 0)} đơn vị
              {a.group?.levels?.length
                ? `; cấp: ${a.group.levels.map((l) => AGENCY_LEVEL_LABELS[l] ?? l).join(", ")}`
                : ""}
              {a.group?.parentIds?.length
                ? `; thuộc: ${a.group.parentIds.map((id) => byId.get(id)?.name ?? "?").join(", ")}`
                : ""}
            </div>
          </>
        ),
    },
    ...(manage
      ? [
          {
            title: "",
            key: "edit",
            width: 70,
            render: (_: unknown, a: Node) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(a)}
                aria-label={`Sửa ${a.name}`}
              >
                Sửa
              </Button>
            ),
          },
        ]
      : []),
  ];

  const onImport = async (file: File) => {
    try {
      const result = await importFile.mutateAsync(file);
      message.success(`Đã nhập ${formatNumber(result.count)} cơ quan, đơn vị từ tệp ${file.name}.`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          Cơ quan, đơn vị
        </Typography.Title>
      }
      extra={
        <span className="dd-muted" data-testid="agency-count">
          <Count value={agencies.data?.length} updating={isUpdating(agencies)} /> cơ quan, đơn vị và nhóm
        </span>
      }
    >
      {agencies.isError && (
        <Alert type="error" showIcon title={errorMessage(agencies.error)} style={{ marginBottom: 12 }} />
      )}
      {!manage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            addAlias
              ? "Bạn được thêm tên gọi khác; chỉ quản trị viên được thêm, sửa cơ quan, đơn vị."
              : "Danh mục chỉ để xem; quản trị viên cập nhật danh mục."
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          value={query}
          onSearch={setQuery}
          placeholder="Tìm theo tên, tên viết tắt, tên gọi khác…"
          style={{ width: 320 }}
        />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            Thêm cơ quan, đơn vị
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href="/api/agencies/export?format=xlsx" download>
          Xuất Excel
        </Button>
        <Button icon={<DownloadOutlined />} href="/api/agencies/export?format=csv" download>
          Xuất CSV
        </Button>
        {manage && (
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void onImport(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importFile.isPending}>
              Nhập từ tệp CSV, Excel
            </Button>
          </Upload>
        )}
      </Space>
      <Table<Node>
        className="dd-agency-table"
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={agencies.isPending}
        locale={{ emptyText: emptyText(agencies.isPending, "Không có cơ quan, đơn vị nào khớp.") }}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={folded ? "flat" : `tree-${all.length > 0}`}
        rowClassName={() => "dd-agency-row"}
      />
      {manage && (
        <AgencyForm
          open={editing !== null}
          agency={editing === "new" || editing === null ? undefined : editing}
          agencies={all}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
