import { App, Button, Card, Collapse, List } from "antd";
import { errorMessage } from "../api/client.ts";
import { useDeletedPlans, useRestorePlan } from "../api/editing.ts";
import { useMe } from "../api/queries.ts";
import { can } from "../lib/can.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { UndoOutlined } from "./icons.tsx";

/** "Kế hoạch đã xóa": the standing office finds a deleted plan again and restores it. */
export function DeletedPlans() {
  const allowed = can.editPlans(useMe().data);
  const deleted = useDeletedPlans(allowed);
  const restore = useRestorePlan();
  const { message } = App.useApp();
  const items = deleted.data ?? [];
  if (!allowed || items.length === 0) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="deleted-plans">
      <Collapse
        ghost
        items={[
          {
            key: "deleted",
            label: `Kế hoạch đã xóa (${formatNumber(items.length)})`,
            children: (
              <List
                dataSource={items}
                renderItem={(plan) => (
                  <List.Item
                    actions={[
                      <Button
                        key="restore"
                        icon={<UndoOutlined aria-hidden />}
                        loading={restore.isPending && restore.variables === plan.id}
                        onClick={async () => {
                          try {
                            await restore.mutateAsync(plan.id);
                            message.success(`Đã khôi phục kế hoạch ${plan.documentNumber ?? plan.name}.`);
                          } catch (error) {
                            message.error(errorMessage(error));
                          }
                        }}
                      >
                        Khôi phục
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={plan.documentNumber ?? plan.name}
                      description={`${plan.name} · xóa lúc ${formatDateTime(plan.deletedAt)}${plan.deletedBy ? ` bởi ${plan.deletedBy}` : ""}`}
                    />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
