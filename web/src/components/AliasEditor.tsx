import { App, Input, Popconfirm, Tag } from "antd";
import { useState } from "react";
import { aliasInput } from "../../../src/commands/inputs/addAgencyAlias.ts";
import { type Agency, useAddAlias, useRemoveAlias } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { firstProblem, maxLengthOf } from "../lib/schemaRules.ts";
import { PlusOutlined } from "./icons.tsx";

/**
 * Another name for an agency ("Sở KH&CN", "Công an tỉnh Lâm Đồng"): remembered so that the next
 * document naming it that way resolves by itself. Adding and removing follow the user's rights.
 */
export function AliasEditor(props: { agency: Agency; canAdd: boolean; canRemove: boolean }) {
  const { agency } = props;
  const add = useAddAlias();
  const remove = useRemoveAlias();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");

  const submit = async () => {
    const alias = text.trim();
    if (!alias) {
      setEditing(false);
      return;
    }
    const problem = firstProblem(aliasInput, { alias });
    if (problem) {
      message.error(problem);
      return;
    }
    try {
      const result = await add.mutateAsync({ agencyId: agency.id, alias });
      message.success(
        result.created ? `Đã thêm tên gọi khác "${alias}".` : `"${alias}" đã có trong danh mục.`,
      );
      setText("");
      setEditing(false);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div className="dd-aliases" data-testid={`aliases-${agency.id}`}>
      {agency.aliases.map((alias) =>
        props.canRemove ? (
          <Popconfirm
            key={alias.id}
            title={`Xóa tên gọi khác "${alias.alias}"?`}
            okText="Xóa"
            cancelText="Hủy"
            onConfirm={() =>
              remove.mutateAsync({ agencyId: agency.id, aliasId: alias.id }).then(
                () => message.success(`Đã xóa "${alias.alias}".`),
                (error) => message.error(errorMessage(error)),
              )
            }
          >
            <Tag closable onClose={(event) => event.preventDefault()} className="dd-alias">
              {alias.alias}
            </Tag>
          </Popconfirm>
        ) : (
          <Tag key={alias.id} className="dd-alias">
            {alias.alias}
          </Tag>
        ),
      )}
      {props.canAdd &&
        (editing ? (
          <Input
            size="small"
            autoFocus
            style={{ width: 200 }}
            value={text}
            maxLength={maxLengthOf(aliasInput.shape.alias)}
            aria-label={`Tên gọi khác của ${agency.name}`}
            placeholder="Tên gọi khác, nhấn Enter"
            disabled={add.isPending}
            onChange={(event) => setText(event.target.value)}
            onPressEnter={submit}
            onBlur={() => {
              if (!text.trim()) setEditing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setText("");
                setEditing(false);
              }
            }}
          />
        ) : (
          <Tag
            className="dd-alias-add"
            icon={<PlusOutlined />}
            onClick={() => setEditing(true)}
            style={{ cursor: "pointer", borderStyle: "dashed" }}
            role="button"
            aria-label={`Thêm tên gọi khác cho ${agency.name}`}
          >
            Thêm
          </Tag>
        ))}
    </div>
  );
}
