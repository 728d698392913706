import { Card, List } from "antd";
import type { ExtractionWarning } from "../api/imports.ts";
import { formatNumber } from "../lib/format.ts";
import { CheckCircleOutlined, WarningOutlined } from "./icons.tsx";

/**
 * What the extraction was unsure of. A warning about a row leads to it: the row is shown,
 * scrolled to and flashed, so the office can correct it right there.
 */
export function ImportWarnings(props: {
  warnings: ExtractionWarning[];
  /** Whether a ref names a task row, an indicator row, or nothing shown. */
  rowOf(ref: string): "task" | "indicator" | null;
  onOpen(kind: "task" | "indicator", ref: string): void;
}) {
  return (
    <Card
      size="small"
      className="dd-import-warnings"
      title={
        <>
          <WarningOutlined style={{ color: "#d46b08" }} /> Cảnh báo ({formatNumber(props.warnings.length)})
        </>
      }
    >
      {props.warnings.length === 0 ? (
        <div className="dd-muted">
          <CheckCircleOutlined style={{ color: "#389e0d" }} /> Không có cảnh báo. Vẫn nên đọc lại trước khi
          lưu.
        </div>
      ) : (
        <List
          size="small"
          dataSource={props.warnings}
          renderItem={(warning, index) => {
            const kind = warning.ref ? props.rowOf(warning.ref) : null;
            return (
              <List.Item key={`${warning.code}-${warning.ref}-${index}`} data-testid="import-warning">
                <div>
                  {warning.ref && kind ? (
                    <button
                      type="button"
                      className="dd-linklike"
                      onClick={() => props.onOpen(kind, warning.ref!)}
                    >
                      {kind === "task" ? "Nhiệm vụ" : "Chỉ tiêu"} {warning.ref}
                    </button>
                  ) : (
                    warning.ref && <b>{warning.ref}</b>
                  )}
                  {warning.ref ? ": " : ""}
                  <span className="dd-pre">{warning.message}</span>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
