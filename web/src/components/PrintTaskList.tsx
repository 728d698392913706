import { App, Button } from "antd";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { api, errorMessage } from "../api/client.ts";
import type { PlanSection, TaskPage, TaskQuery, TaskRow } from "../api/types.ts";
import { PrinterOutlined } from "./icons.tsx";
import { PrintTaskTable } from "./TaskTable.tsx";

/** The most rows the task list answers with at once. */
const CHUNK = 500;

/** Every task the filters select, not only the page on screen. */
async function loadAll(query: TaskQuery): Promise<TaskRow[]> {
  const rows: TaskRow[] = [];
  for (;;) {
    const page = await api<TaskPage>("/api/tasks", {
      query: { ...query, limit: CHUNK, offset: rows.length },
    });
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

/**
 * "In danh sách": the screen shows one page of tasks, the paper must show them all. Loads every
 * task the current filters select into a table shown only when printing (the paged table is
 * then hidden, see styles.css), and opens the browser's print dialog once it is on the page.
 */
export function PrintTaskList(props: { query: TaskQuery; sections: PlanSection[]; asOf?: string }) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const [rows, setRows] = useState<TaskRow[] | null>(null);

  useEffect(() => {
    if (!rows) return;
    document.body.classList.add("dd-printing-all");
    // The print dialog opens after the browser has laid the rows out.
    const frame = requestAnimationFrame(() => window.print());
    const done = () => setRows(null);
    window.addEventListener("afterprint", done);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("afterprint", done);
      document.body.classList.remove("dd-printing-all");
    };
  }, [rows]);

  const start = async () => {
    setLoading(true);
    try {
      setRows(await loadAll(props.query));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button icon={<PrinterOutlined />} loading={loading} onClick={start} className="dd-no-print">
        In danh sách
      </Button>
      {rows &&
        createPortal(
          <div className="dd-print-only" data-testid="print-task-list">
            <PrintTaskTable tasks={rows} sections={props.sections} asOf={props.asOf} />
          </div>,
          document.querySelector(".dd-print-slot") ?? document.body,
        )}
    </>
  );
}
