import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { planSettingsPatch } from "../../../src/commands/inputs/createPlanFromExtraction.ts";
import { useAgencies } from "../api/agencies.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import {
  type CommitResult,
  type Extraction,
  type PlanSettings,
  useCommitImport,
  useDiscardImport,
  useImport,
  useUpdateImport,
} from "../api/imports.ts";
import { useMe } from "../api/queries.ts";
import { AgencyMappingTable, type MappingChoice, toMappings } from "../components/AgencyMappingTable.tsx";
import { ImportDocumentFields } from "../components/ImportDocumentFields.tsx";
import { ImportIndicatorTable } from "../components/ImportIndicatorTable.tsx";
import { ImportResult } from "../components/ImportResult.tsx";
import { ImportTaskTable, importRowId } from "../components/ImportTaskTable.tsx";
import { ImportWarnings } from "../components/ImportWarnings.tsx";
import { DeleteOutlined, SaveOutlined, UndoOutlined } from "../components/icons.tsx";
import { PlanSettingsForm } from "../components/PlanSettingsForm.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { useImportRowOperations } from "../components/useImportRowOperations.tsx";
import { can } from "../lib/can.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { deleteIndicator, editedTask } from "../lib/importRows.ts";
import { paths } from "../lib/paths.ts";
import { firstProblem } from "../lib/schemaRules.ts";

const defaultName = (e: Extraction) =>
  [e.document.type, e.document.number].filter(Boolean).join(" số ") || e.document.title || "Kế hoạch";

/**
 * The preview of an import (/nhap-van-ban/:importId): the document's header, its tasks and
 * indicators beside the warnings (each leading to its row), every cell correctable, the cells
 * the engine doubts highlighted (with a filter to only those rows), rows deleted, added, split,
 * merged and cells' text moved; agency names to map; the plan's settings; then commit. A
 * re-import shows what changed.
 */
export function ImportReviewPage() {
  const { importId } = useParams();
  const me = useMe().data;
  const preview = useImport(importId);
  const agencies = useAgencies(can.importPlans(me));
  const update = useUpdateImport(importId ?? "");
  const commit = useCommitImport(importId ?? "");
  const discard = useDiscardImport(importId ?? "");
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Extraction | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<"tasks" | "indicators">("tasks");
  const [choices, setChoices] = useState(new Map<string, MappingChoice>());
  const [settings, setSettings] = useState<Required<PlanSettings> | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [onlyDoubtful, setOnlyDoubtful] = useState(false);
  const contextYear = Number((draft?.document.date ?? "").slice(0, 4)) || undefined;
  const change = (next: Extraction) => {
    setDraft(next);
    setDirty(true);
  };
  const rows = useImportRowOperations({ draft, change, contextYear, show: (ref) => openRow("task", ref) });
  useDocumentTitle("Kiểm tra văn bản nhập");

  // The server's version becomes the draft whenever it changes (first load, after saving).
  useEffect(() => {
    if (!preview.data) return;
    setDraft(preview.data.extraction);
    setDirty(false);
    rows.reset();
    setSettings(
      (current) =>
        current ?? {
          name: defaultName(preview.data.extraction),
          reportingFrequency: "month",
          cutoffDay: 10,
          requireHeadApproval: false,
        },
    );
  }, [preview.data, rows.reset]);

  const warningsByRef = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const w of draft?.warnings ?? []) if (w.ref) map.set(w.ref, [...(map.get(w.ref) ?? []), w.message]);
    return map;
  }, [draft]);
  const unresolved = useMemo(
    () => new Set((preview.data?.agencyResolution ?? []).filter((r) => !r.agencyId).map((r) => r.name)),
    [preview.data],
  );

  if (preview.isError) {
    const missing = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <Result
        status={missing ? "404" : "error"}
        title={missing ? "Không tìm thấy bản nhập" : "Không tải được bản nhập"}
        subTitle={errorMessage(preview.error)}
        extra={
          <Link to={paths.imports}>
            <Button type="primary">Về trang nhập văn bản</Button>
          </Link>
        }
      />
    );
  }
  if (result) return <ImportResult result={result} />;
  if (!preview.data || !draft || !settings) return <Skeleton active paragraph={{ rows: 12 }} />;
  const data = preview.data;
  const committed = data.state === "committed";
  const save = async () => {
    try {
      await update.mutateAsync(draft);
      message.success("Đã lưu các chỉnh sửa.");
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  const onCommit = async () => {
    const problem = firstProblem(planSettingsPatch, settings);
    if (problem) {
      message.error(problem);
      return;
    }
    if (dirty && !(await save())) return;
    try {
      const saved = await commit.mutateAsync({
        agencyMappings: toMappings(choices),
        settings: { ...settings, name: settings.name.trim() },
      });
      if (saved.reimport) setResult(saved);
      else {
        message.success("Đã lưu kế hoạch.");
        navigate(paths.plan(saved.planId));
      }
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const doubtful =
    draft.tasks.filter((t) => t.doubts.length > 0).length +
    draft.indicators.filter((i) => i.doubts.length > 0).length;
  const openRow = (kind: "task" | "indicator", ref: string) => {
    setTab(kind === "task" ? "tasks" : "indicators");
    setTimeout(() => {
      const row = document.getElementById(importRowId(kind, ref));
      if (!row) return;
      row.scrollIntoView({ behavior: "smooth", block: "center" });
      row.classList.remove("dd-flash");
      void row.offsetWidth;
      row.classList.add("dd-flash");
    }, 50);
  };
  const rowOf = (ref: string) =>
    draft.tasks.some((t) => t.ref === ref)
      ? "task"
      : draft.indicators.some((i) => i.ref === ref)
        ? "indicator"
        : null;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={paths.imports}>Nhập văn bản</Link> }, { title: data.fileName }]}
      />
      <Card
        style={{ marginBottom: 16 }}
        title={`Kiểm tra kết quả đọc tệp ${data.fileName}`}
        extra={
          <Space wrap>
            <span className="dd-muted">Tải lên {formatDateTime(data.createdAt)}</span>
            {dirty && <Tag color="gold">Có chỉnh sửa chưa lưu</Tag>}
            {rows.canUndo && !committed && (
              <Button icon={<UndoOutlined />} onClick={rows.undoLast}>
                Hoàn tác thao tác dòng
              </Button>
            )}
            <Button
              icon={<SaveOutlined />}
              onClick={save}
              disabled={!dirty || committed}
              loading={update.isPending}
            >
              Lưu chỉnh sửa
            </Button>
            {!committed && (
              <Popconfirm
                title="Bỏ bản nhập này?"
                description="Kết quả đọc tệp và các chỉnh sửa sẽ bị xóa."
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() =>
                  discard.mutateAsync().then(
                    () => navigate(paths.imports),
                    (error) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  Bỏ bản nhập
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {committed && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Bản nhập này đã được lưu thành kế hoạch."
            action={data.planId && <Link to={paths.plan(data.planId)}>Mở kế hoạch</Link>}
          />
        )}
        {data.existingPlan && !committed && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Văn bản này đã có trong hệ thống (${data.existingPlan.name}). Khi lưu, kế hoạch đã có được cập nhật theo văn bản mới; báo cáo của các đơn vị được giữ nguyên và hệ thống cho biết các thay đổi.`}
          />
        )}
        <ImportDocumentFields
          document={draft.document}
          onChange={(document) => change({ ...draft, document })}
        />
      </Card>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {draft.warnings.length > 0 && (
          <Col xs={{ span: 24, order: 1 }} xxl={{ span: 6, order: 2 }}>
            <div className="dd-sticky-side">
              <ImportWarnings warnings={draft.warnings} rowOf={rowOf} onOpen={openRow} />
            </div>
          </Col>
        )}
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: draft.warnings.length > 0 ? 18 : 24, order: 1 }}>
          <Card size="small">
            {draft.warnings.length === 0 && (
              <Alert type="success" showIcon title="Không có cảnh báo. Vẫn nên đọc lại trước khi lưu." />
            )}
            <Space style={{ marginTop: 8 }} wrap>
              <Checkbox
                checked={onlyDoubtful}
                onChange={(event) => setOnlyDoubtful(event.target.checked)}
                data-testid="import-only-doubtful"
              >
                Chỉ dòng cần xem lại
              </Checkbox>
              <span className="dd-muted" data-testid="import-doubtful-count">
                {doubtful > 0
                  ? `${formatNumber(doubtful)} dòng có ô cần xem lại (tô vàng, ghi “Cần xem lại”)`
                  : "Không có ô nào cần xem lại."}
              </span>
            </Space>
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as "tasks" | "indicators")}
              items={[
                {
                  key: "tasks",
                  label: (
                    <span data-testid="import-task-count">Nhiệm vụ ({formatNumber(draft.tasks.length)})</span>
                  ),
                  children: (
                    <ImportTaskTable
                      tasks={draft.tasks}
                      contextYear={contextYear}
                      warningsByRef={warningsByRef}
                      unresolved={unresolved}
                      onlyDoubtful={onlyDoubtful}
                      onChange={(index, task, field) =>
                        change({
                          ...draft,
                          tasks: draft.tasks.map((t, i) => (i === index ? editedTask(task, field) : t)),
                        })
                      }
                      onRowAction={rows.onRowAction}
                    />
                  ),
                },
                {
                  key: "indicators",
                  label: `Chỉ tiêu (${formatNumber(draft.indicators.length)})`,
                  children: (
                    <ImportIndicatorTable
                      indicators={draft.indicators}
                      warningsByRef={warningsByRef}
                      onlyDoubtful={onlyDoubtful}
                      onChange={(index, indicator, field) =>
                        change({
                          ...draft,
                          indicators: draft.indicators.map((x, i) =>
                            i === index
                              ? { ...indicator, doubts: indicator.doubts.filter((d) => d.field !== field) }
                              : x,
                          ),
                        })
                      }
                      onDelete={(index) => change(deleteIndicator(draft, index))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      {rows.dialogs}

      <Card title="Đối chiếu cơ quan" size="small" style={{ marginBottom: 16 }}>
        <AgencyMappingTable
          resolution={data.agencyResolution}
          agencies={agencies.data ?? []}
          choices={choices}
          canCreate={can.createAgencyWhileImporting(me)}
          onChange={setChoices}
        />
      </Card>

      <Card title="Thiết lập kế hoạch" size="small" style={{ marginBottom: 16 }}>
        {data.existingPlan && <p className="dd-muted">Kế hoạch đã có sẽ nhận các thiết lập dưới đây.</p>}
        <PlanSettingsForm value={settings} onChange={setSettings} disabled={committed} />
      </Card>

      {!committed && (
        <div className="dd-commit-bar">
          <span className="dd-muted">
            {formatNumber(draft.tasks.length)} nhiệm vụ, {formatNumber(draft.indicators.length)} chỉ tiêu
            {choices.size > 0 && `, ${formatNumber(choices.size)} tên cơ quan được gắn`}
          </span>
          <Button
            type="primary"
            size="large"
            onClick={onCommit}
            loading={commit.isPending || update.isPending}
          >
            {data.existingPlan ? "Lưu, cập nhật kế hoạch" : "Lưu thành kế hoạch"}
          </Button>
        </div>
      )}
    </>
  );
}
