import { Tag } from "antd";
import type { Evidence } from "../api/trackingTypes.ts";
import { formatNumber } from "../lib/format.ts";
import { EvidenceList } from "./EvidenceList.tsx";

/** What a report says, as the review queue and the past decisions show it: claims, progress, text, evidence. */
export function ReportContent({ item }: { item: ReportContentFields }) {
  return (
    <>
      {item.claimsCompletion && <Tag color="green">Đề nghị công nhận hoàn thành</Tag>}
      {item.nothingToReport && <Tag>Không phát sinh</Tag>}
      {item.percent !== null && <Tag color="blue">{formatNumber(item.percent)}%</Tag>}
      {item.narrative && <div className="dd-pre dd-clamp">{item.narrative}</div>}
      <EvidenceList items={item.evidence} />
    </>
  );
}

interface ReportContentFields {
  claimsCompletion: boolean;
  nothingToReport: boolean;
  percent: number | null;
  narrative: string | null;
  evidence: Evidence[];
}
