import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatNumber } from "../lib/format.ts";

// Only what the dashboards draw is bundled (tree-shaken): bars, lines, a pie, SVG.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/** The figures a chart draws, as a table for screen readers and anyone without the picture. */
export interface ChartSummary {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * One ECharts chart: sized by its container (redrawn when the container resizes), disposed with
 * the component, read to screen readers through its label and a visually hidden table of the
 * same figures. `onSelect` receives the index of the clicked data item in its series.
 */
export function EChart(props: {
  option: EChartOption;
  label: string;
  summary: ChartSummary;
  height?: number;
  onSelect?(dataIndex: number, seriesIndex: number): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: "svg", locale: "EN" });
    chart.current = instance;
    instance.on("click", (params: { dataIndex?: number; seriesIndex?: number }) => {
      if (params.dataIndex !== undefined) onSelect.current?.(params.dataIndex, params.seriesIndex ?? 0);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: { fontFamily: "inherit" }, aria: { enabled: false }, ...props.option },
      { notMerge: true },
    );
  }, [props.option]);

  const { summary } = props;
  return (
    <figure className="dd-chart" style={{ margin: 0 }}>
      <div
        ref={box}
        role="img"
        aria-label={props.label}
        style={{ width: "100%", height: props.height ?? 260 }}
      />
      {/* A table ignores a 1 px width: the hidden box is a div around it. */}
      <div className="dd-visually-hidden">
        <table>
          <caption>{summary.caption}</caption>
          <thead>
            <tr>
              {summary.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <td key={`${summary.columns[i]}`}>
                    {typeof cell === "number" ? formatNumber(cell) : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
