import { Link } from "react-router-dom";
import type { TaskRow } from "../api/types.ts";
import { DeadlineCell } from "./DeadlineCell.tsx";
import { Highlight } from "./Highlight.tsx";
import { LeadProgress, StatusTag } from "./StatusTag.tsx";

/**
 * A task as a card, for phones where the task table has no room: number, title (the link),
 * lead agencies, deadline and status, one under the other.
 */
export function TaskCard(props: {
  task: TaskRow;
  to: string;
  query?: string;
  /** A line above the number, e.g. the plan's number in "Nhiệm vụ của tôi". */
  context?: React.ReactNode;
  /** Extra tags beside the status, e.g. the agency's role. */
  extra?: React.ReactNode;
}) {
  const { task, query } = props;
  return (
    <article className="dd-task-card" data-testid="task-card">
      {props.context && <div className="dd-muted">{props.context}</div>}
      <div className="dd-task-card-head">
        <span className="dd-ref">
          <Highlight text={task.ref} query={query} />
        </span>
        <Link to={props.to} className="dd-task-link dd-pre">
          <Highlight text={task.title} query={query} />
        </Link>
      </div>
      {task.leads.length > 0 && (
        <div className="dd-task-card-line">
          <span className="dd-muted">Chủ trì: </span>
          <Highlight text={task.leads.join("; ")} query={query} />
        </div>
      )}
      <div className="dd-task-card-foot">
        <DeadlineCell task={task} />
        <div>
          <StatusTag status={task.status} daysOverdue={task.daysOverdue} dueSoon={task.dueSoon} />
          <LeadProgress counts={task.leadStatusCounts} />
          {props.extra}
        </div>
      </div>
    </article>
  );
}
