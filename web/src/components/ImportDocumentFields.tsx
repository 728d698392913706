import { DatePicker, Descriptions } from "antd";
import dayjs from "dayjs";
import type { ExtractedDocument } from "../api/imports.ts";
import { EditableText } from "./EditableCell.tsx";

/** The document's header as extracted (number, type, issuer, date, title), correctable. */
export function ImportDocumentFields(props: {
  document: ExtractedDocument;
  onChange(document: ExtractedDocument): void;
}) {
  const { document: doc } = props;
  const text = (key: "number" | "type" | "issuer" | "title", label: string) => (
    <EditableText
      value={doc[key] ?? ""}
      label={label}
      placeholder="(chưa nhận ra; nhấn để nhập)"
      onChange={(value) => props.onChange({ ...doc, [key]: value || null })}
    />
  );
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="import-document"
      items={[
        { key: "number", label: "Số hiệu", children: text("number", "số hiệu văn bản") },
        { key: "type", label: "Loại văn bản", children: text("type", "loại văn bản") },
        { key: "issuer", label: "Cơ quan ban hành", children: text("issuer", "cơ quan ban hành") },
        {
          key: "date",
          label: "Ngày ban hành",
          children: (
            <DatePicker
              format="DD/MM/YYYY"
              placeholder="dd/mm/yyyy"
              aria-label="Ngày ban hành"
              value={doc.date ? dayjs(doc.date) : null}
              onChange={(date) => props.onChange({ ...doc, date: date ? date.format("YYYY-MM-DD") : null })}
            />
          ),
        },
        { key: "title", label: "Trích yếu", span: 2, children: text("title", "trích yếu") },
      ]}
    />
  );
}
