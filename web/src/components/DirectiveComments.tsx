import { Alert, App, Button, Card, Form, Input, List } from "antd";
import { addDirectiveCommentInput } from "../../../src/commands/inputs/addDirectiveComment.ts";
import { errorMessage } from "../api/client.ts";
import { useAddComment, useDirectiveComments } from "../api/tracking.ts";
import { formatDateTime } from "../lib/format.ts";
import { roleLabel } from "../lib/labels.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";
import { SendOutlined } from "./icons.tsx";

/** Ý kiến chỉ đạo: leaders' and the standing office's directions on the task, oldest first. */
export function DirectiveComments(props: { taskId: string; canComment: boolean }) {
  const comments = useDirectiveComments(props.taskId);
  const add = useAddComment(props.taskId);
  const [form] = Form.useForm<{ body: string }>();
  const { message } = App.useApp();
  const bodyRule = schemaRule(addDirectiveCommentInput, "body", (values: { body?: string }) => ({
    taskId: props.taskId,
    body: values.body ?? "",
  }));

  const onFinish = async ({ body }: { body: string }) => {
    try {
      await add.mutateAsync(body.trim());
      form.resetFields();
      message.success("Đã gửi ý kiến chỉ đạo.");
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card
      id="y-kien-chi-dao"
      title={`Ý kiến chỉ đạo${comments.data ? ` (${comments.data.length})` : ""}`}
      size="small"
      style={{ marginBottom: 16 }}
    >
      {comments.isError && <Alert type="error" showIcon title={errorMessage(comments.error)} />}
      {comments.data && comments.data.length === 0 && (
        <span className="dd-muted">Chưa có ý kiến chỉ đạo.</span>
      )}
      {comments.data && comments.data.length > 0 && (
        <List
          className="dd-comments"
          dataSource={comments.data}
          renderItem={(comment) => (
            <List.Item key={comment.id} data-testid="directive-comment">
              <div style={{ width: "100%" }}>
                <div>
                  <b>{comment.author.displayName}</b>
                  <span className="dd-muted">
                    {" "}
                    · {comment.author.roles.map(roleLabel).join(", ")}
                    {comment.author.agencyName ? ` · ${comment.author.agencyName}` : ""} ·{" "}
                    {formatDateTime(comment.createdAt)}
                  </span>
                </div>
                <div className="dd-pre" style={{ marginTop: 4 }}>
                  {comment.body}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {props.canComment && (
        <Form form={form} onFinish={onFinish} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="body" label="Cho ý kiến chỉ đạo" rules={[bodyRule]} style={{ marginBottom: 8 }}>
            <Input.TextArea
              rows={3}
              maxLength={maxLengthOf(addDirectiveCommentInput.shape.body)}
              aria-label="Nội dung ý kiến chỉ đạo"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={add.isPending}>
            Gửi ý kiến chỉ đạo
          </Button>
        </Form>
      )}
    </Card>
  );
}
