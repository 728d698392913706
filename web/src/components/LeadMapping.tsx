import { Alert, App, Button, Checkbox, Select, Space } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useMapTaskLead } from "../api/editing.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { UnmappedLeadTags } from "./UnmappedLeads.tsx";

/**
 * On a task whose lead the directory does not know: the warning, and for the standing office the
 * choice of the agency it means, which gives the task its lead assignment (and, remembered as an
 * alias, every task of the plan naming it and the next documents).
 */
export function LeadMapping(props: { taskId: string; names: string[]; canMap: boolean }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="lead-mapping"
      title={
        <>
          Văn bản ghi cơ quan chủ trì mà danh mục chưa có: phần chủ trì đó chưa được giao, chưa ai báo cáo
          được. <UnmappedLeadTags names={props.names} />
        </>
      }
      description={
        props.canMap && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {props.names.map((name) => (
              <MapOne key={name} taskId={props.taskId} name={name} />
            ))}
            <span className="dd-muted">
              Hoặc thêm tên gọi khác cho cơ quan trong{" "}
              <Link to={paths.agencies}>danh mục cơ quan, đơn vị</Link>.
            </span>
          </Space>
        )
      }
    />
  );
}

function MapOne({ taskId, name }: { taskId: string; name: string }) {
  const agencies = useAgencies();
  const map = useMapTaskLead(taskId);
  const [agencyId, setAgencyId] = useState<string>();
  const [remember, setRemember] = useState(true);
  const { message } = App.useApp();
  const options = (agencies.data ?? [])
    .slice()
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: a.name }));

  const save = async () => {
    if (!agencyId) return;
    try {
      const result = await map.mutateAsync({ name, agencyId, remember });
      message.success(`Đã giao "${name}" cho ${result.taskIds.length} nhiệm vụ.`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space wrap>
      <span>“{name}” là:</span>
      <Select
        style={{ minWidth: 280 }}
        aria-label={`Cơ quan chủ trì cho "${name}"`}
        placeholder="Chọn cơ quan, đơn vị trong danh mục"
        loading={agencies.isPending}
        showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
        options={options}
        value={agencyId}
        onChange={setAgencyId}
      />
      <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)}>
        Ghi nhớ tên gọi này (áp dụng cho mọi nhiệm vụ của kế hoạch ghi như vậy)
      </Checkbox>
      <Button type="primary" disabled={!agencyId} loading={map.isPending} onClick={save}>
        Giao nhiệm vụ
      </Button>
    </Space>
  );
}
