import { Alert, Collapse, Tag } from "antd";
import { Link } from "react-router-dom";
import { type UnmappedLead, useUnmappedLeads } from "../api/editing.ts";
import { formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

/** "Chưa giao được: …": a lead the document names that gave no assignment. */
export function UnmappedLeadTags({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name) => (
        <Tag key={name} color="warning" className="dd-unmapped-lead">
          Chưa giao được: {name}
        </Tag>
      ))}
    </>
  );
}

/**
 * On the plan page: the tasks whose lead the directory does not know, so nobody reports on them,
 * listed until each lead is mapped to an agency (on the task's page).
 */
export function UnmappedLeadsNotice({ planId }: { planId: string }) {
  const unmapped = useUnmappedLeads(planId);
  const items = unmapped.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="unmapped-leads"
      title={`${formatNumber(items.length)} nhiệm vụ chưa có cơ quan chủ trì trong danh mục`}
      description={
        <>
          <div>
            Văn bản ghi cơ quan chủ trì mà danh mục chưa có, nên phần chủ trì đó chưa được giao và chưa ai báo
            cáo được. Mở nhiệm vụ để chọn cơ quan tương ứng trong danh mục.
          </div>
          <Collapse
            ghost
            size="small"
            items={[{ key: "list", label: "Xem danh sách", children: <UnmappedList items={items} /> }]}
          />
        </>
      }
    />
  );
}

function UnmappedList({ items }: { items: UnmappedLead[] }) {
  return (
    <ul className="dd-unmapped-list" style={{ paddingLeft: 16, margin: 0 }}>
      {items.map((item) => (
        <li key={item.taskId} style={{ marginBottom: 6 }}>
          <Link to={paths.task(item.taskId)}>
            {item.ref}. {item.title.length > 140 ? `${item.title.slice(0, 140)}…` : item.title}
          </Link>{" "}
          <UnmappedLeadTags names={item.names} />
        </li>
      ))}
    </ul>
  );
}
