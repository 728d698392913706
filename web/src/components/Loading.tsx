import { Empty, Spin } from "antd";
import type { ReactNode } from "react";
import { formatNumber } from "../lib/format.ts";
import { LoadingOutlined } from "./icons.tsx";

/**
 * A count that is never a false zero: a spinner while the data it counts has not arrived, and the
 * last figure dimmed (aria-busy) while newer data is on its way, so "0 cơ quan" or "Tất cả (0)"
 * never shows before the list does, and a count never reads as current while it is being replaced.
 */
export function Count(props: { value: number | undefined; updating?: boolean; suffix?: ReactNode }) {
  if (props.value === undefined) {
    return (
      <span className="dd-count" aria-busy="true" data-loading="true">
        <Spin size="small" indicator={<LoadingOutlined />} />
        <span className="dd-visually-hidden">Đang tải</span>
      </span>
    );
  }
  return (
    <span
      className={props.updating ? "dd-count dd-updating" : "dd-count"}
      aria-busy={props.updating || undefined}
      data-loading={props.updating ? "true" : undefined}
    >
      {formatNumber(props.value)}
      {props.suffix}
    </span>
  );
}

/** A query's figures are being replaced: kept on screen from an earlier key, or refetched after a change. */
export function isUpdating(query: { isPlaceholderData?: boolean; isFetching: boolean; data?: unknown }) {
  return query.data !== undefined && (query.isPlaceholderData === true || query.isFetching);
}

/**
 * A table's empty text: blank while the rows are loading (the table's own spinner shows), so
 * "Trống" or "Không có …" never flashes before the data.
 */
export function emptyText(pending: boolean, description: ReactNode = "Không có dữ liệu.") {
  return pending ? " " : <Empty description={description} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
