import { Tooltip } from "antd";
import type { ReactNode } from "react";
import { ExclamationCircleOutlined } from "./icons.tsx";

/**
 * A cell of the import preview the engine doubts: tinted, marked with an icon whose tooltip gives
 * the reasons, and the reasons also read out to screen readers (never colour alone).
 */
export function DoubtCell(props: { field: string; reasons: string[] | undefined; children: ReactNode }) {
  const reasons = props.reasons ?? [];
  if (reasons.length === 0) return <>{props.children}</>;
  const text = reasons.join(" · ");
  return (
    <div className="dd-doubt" data-doubt-field={props.field}>
      <Tooltip
        title={
          <ul className="dd-cell-list">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        }
      >
        <button type="button" className="dd-doubt-mark" aria-label={`Cần xem lại: ${text}`}>
          <ExclamationCircleOutlined /> Cần xem lại
        </button>
      </Tooltip>
      {props.children}
    </div>
  );
}

/** The row's confidence, in words as well as a number. */
export function ConfidenceTag(props: { confidence: number }) {
  const percent = Math.round(props.confidence * 100);
  if (percent >= 100) return null;
  const level = percent < 60 ? "thấp" : percent < 85 ? "trung bình" : "khá";
  return (
    <div
      className={`dd-confidence dd-confidence-${percent < 60 ? "low" : "mid"}`}
      title={`Độ tin cậy ${level}`}
    >
      Tin cậy {percent}%
    </div>
  );
}
