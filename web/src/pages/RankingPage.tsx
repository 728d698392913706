import {
  Alert,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useSearchParams } from "react-router-dom";
import {
  type PeerGroup,
  peerGroups,
  rankingBandLabels,
  rankingComponentExplanations,
  rankingComponentLabels,
  rankingComponents,
} from "../../../src/domain/ranking.ts";
import { errorMessage } from "../api/client.ts";
import { type RankingItem, useRanking, useRankingSettings } from "../api/evaluation.ts";
import { useMe } from "../api/queries.ts";
import { Count, emptyText, isUpdating } from "../components/Loading.tsx";
import { PlanSelect } from "../components/PlanSelect.tsx";
import { RankingSettingsForm } from "../components/RankingSettingsForm.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { formatNumber } from "../lib/format.ts";

const bandColors = { excellent: "green", good: "blue", fair: "cyan", average: "gold", weak: "red" } as const;
const isoDay = (day: Dayjs | null | undefined) => (day ? day.format("YYYY-MM-DD") : undefined);
const score = (value: number | null) => (value === null ? "—" : formatNumber(value));
const byNumber = (pick: (r: RankingItem) => number | null) => (a: RankingItem, b: RankingItem) =>
  (pick(a) ?? -1) - (pick(b) ?? -1);

/** "Vì sao": each component of one agency's score, with its weight and the counts behind it. */
function Breakdown({ item, weights }: { item: RankingItem; weights: Record<string, number> }) {
  const c = item.counts;
  const behind: Record<(typeof rankingComponents)[number], string> = {
    onTime: `${c.doneOnTime}/${c.judged} nhiệm vụ hoàn thành đúng hạn`,
    overdue: `${c.overdue} nhiệm vụ quá hạn trên ${c.dueSoFar} nhiệm vụ đã đến hạn`,
    timeliness: `${c.periodsOnTime}/${c.periodsDue} kỳ báo cáo đúng hạn chốt`,
    completeness: `${c.periodsReported}/${c.periodsDue} kỳ đã có báo cáo`,
    returns: `${c.returned}/${c.reviewed} báo cáo bị trả lại`,
  };
  return (
    <Descriptions size="small" column={1} bordered data-testid="ranking-breakdown">
      {rankingComponents.map((component) => (
        <Descriptions.Item
          key={component}
          label={`${rankingComponentLabels[component]} (trọng số ${weights[component] ?? 0})`}
        >
          <b>{score(item.components[component])}</b> điểm · {behind[component]}
          <div className="dd-muted">{rankingComponentExplanations[component]}</div>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * "Xếp hạng": agencies ranked by score within their peer group (departments, communes, others),
 * for a plan or all plans and a period (in the URL). Agency staff see their own row highlighted
 * and why; the standing office and administrators set the weights.
 */
export function RankingPage() {
  useDocumentTitle("Xếp hạng cơ quan, đơn vị");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const planId = params.get("planId") ?? undefined;
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const group = (params.get("nhom") as PeerGroup | null) ?? undefined;
  const ranking = useRanking({ planId, from, to });
  const manage = me?.abilities.evaluation.manageRankingSettings === true;
  const settings = useRankingSettings();
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const items = ranking.data?.items ?? [];
  const own = me?.agencyId ? items.find((r) => r.agencyId === me.agencyId) : undefined;
  const active = group ?? own?.peerGroup ?? "departments";
  const weights = ranking.data?.settings.weights ?? {};

  const columns: TableColumnsType<RankingItem> = [
    {
      title: "Hạng",
      key: "position",
      width: 80,
      sorter: byNumber((r) => (r.position === null ? null : -r.position)),
      render: (_, r) => (r.position === null ? <span className="dd-muted">—</span> : r.position),
    },
    { title: "Cơ quan, đơn vị", dataIndex: "agencyName", key: "agency", width: 220 },
    {
      title: "Điểm",
      key: "score",
      width: 110,
      sorter: byNumber((r) => r.score),
      defaultSortOrder: "descend",
      render: (_, r) => (
        <>
          <b>{score(r.score)}</b>
          {r.band && (
            <div>
              <Tag color={bandColors[r.band]}>{rankingBandLabels[r.band]}</Tag>
            </div>
          )}
        </>
      ),
    },
    ...rankingComponents.map((component) => ({
      title: rankingComponentLabels[component],
      key: component,
      width: 120,
      sorter: byNumber((r: RankingItem) => r.components[component]),
      render: (_: unknown, r: RankingItem) => score(r.components[component]),
    })),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title="Xếp hạng cơ quan, đơn vị">
        <Space wrap style={{ marginBottom: 12 }}>
          <PlanSelect
            value={planId}
            onChange={(value) => set({ planId: value })}
            placeholder="Mọi kế hoạch"
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            aria-label="Kỳ đánh giá"
            placeholder={["Từ ngày", "Đến ngày"]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) => set({ from: isoDay(range?.[0]), to: isoDay(range?.[1]) })}
          />
        </Space>
        {ranking.isError && (
          <Alert type="error" showIcon title={errorMessage(ranking.error)} style={{ marginBottom: 12 }} />
        )}
        {own && (
          <Alert
            type="info"
            data-testid="own-position"
            style={{ marginBottom: 12 }}
            title={`${own.agencyName} ${own.phrase} trong nhóm ${
              ranking.data?.groups.find((g) => g.peerGroup === own.peerGroup)?.label ?? ""
            }, ${score(own.score)} điểm`}
            description={
              <Collapse
                ghost
                items={[
                  { key: "why", label: "Vì sao?", children: <Breakdown item={own} weights={weights} /> },
                ]}
              />
            }
          />
        )}
        <Tabs
          activeKey={active}
          onChange={(key) => set({ nhom: key })}
          items={peerGroups.map((peerGroup) => {
            const info = ranking.data?.groups.find((g) => g.peerGroup === peerGroup);
            return {
              key: peerGroup,
              label: (
                <span>
                  {info?.label ?? peerGroup} (<Count value={info?.ranked} updating={isUpdating(ranking)} />)
                </span>
              ),
            };
          })}
        />
        <Typography.Paragraph type="secondary">
          Kỳ đánh giá {ranking.data ? `${ranking.data.from} – ${ranking.data.to}` : "…"}; nhấn vào một dòng để
          xem vì sao.
        </Typography.Paragraph>
        <Table<RankingItem>
          size="small"
          rowKey="agencyId"
          columns={columns}
          dataSource={items.filter((r) => r.peerGroup === active)}
          loading={ranking.isFetching}
          pagination={false}
          scroll={{ x: 1000 }}
          rowClassName={(r) => (r.agencyId === me?.agencyId ? "dd-own-row" : "")}
          expandable={{ expandedRowRender: (r) => <Breakdown item={r} weights={weights} /> }}
          locale={{ emptyText: emptyText(ranking.isPending, "Chưa có cơ quan nào trong nhóm này.") }}
          data-testid="ranking-table"
        />
      </Card>
      {manage && settings.data && (
        <Card title="Cách tính điểm xếp hạng">
          <RankingSettingsForm settings={settings.data} />
        </Card>
      )}
    </Space>
  );
}
