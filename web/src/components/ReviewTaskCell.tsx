import { Link } from "react-router-dom";
import { paths } from "../lib/paths.ts";

/** The task a review row is about: its plan (by số hiệu when it has one), ref and title. */
export function ReviewTaskCell({
  item,
}: {
  item: { taskId: string; taskRef: string; taskTitle: string; planName: string; planNumber?: string | null };
}) {
  return (
    <>
      <div className="dd-muted">
        {item.planNumber ? `Số ${item.planNumber}` : item.planName} · Nhiệm vụ{" "}
        <span className="dd-ref">{item.taskRef}</span>
      </div>
      <Link to={paths.task(item.taskId)} className="dd-task-link dd-pre">
        {item.taskTitle}
      </Link>
    </>
  );
}
