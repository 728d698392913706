import { Button, type NotificationArgsProps } from "antd";
import type { useAppProps } from "antd/es/app/context";

type Notifier = useAppProps["notification"];

/**
 * After a deletion: says what was deleted, with a "Hoàn tác" button that restores it. Shown for
 * a while rather than asking "are you sure" twice; the deleted row can also be restored later.
 */
export function notifyUndo(
  notification: Notifier,
  text: string,
  undo: () => Promise<unknown>,
  options: Partial<NotificationArgsProps> = {},
) {
  const key = `undo-${Date.now()}`;
  notification.success({
    key,
    title: text,
    duration: 10,
    actions: (
      <Button
        size="small"
        type="primary"
        onClick={async () => {
          notification.destroy(key);
          await undo();
        }}
      >
        Hoàn tác
      </Button>
    ),
    ...options,
  });
}
