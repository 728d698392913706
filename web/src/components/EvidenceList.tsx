import { Button, Image, Modal } from "antd";
import { useState } from "react";
import type { Evidence } from "../api/trackingTypes.ts";
import { formatBytes } from "../lib/format.ts";
import { DownloadOutlined, FileOutlined, FilePdfOutlined, FileTextOutlined, LinkOutlined } from "./icons.tsx";

/** Only http(s) links become clickable: a "javascript:" URL in evidence must never run. */
const safeUrl = (url: string) => /^https?:\/\//i.test(url);

type FileEvidence = Pick<Evidence, "id" | "fileName" | "size" | "downloadUrl" | "previewUrl" | "preview">;

/** A file's name opens it: an image in the viewer, a PDF in a dialog, anything else downloads. */
function EvidenceFile({ item, onOpenPdf }: { item: FileEvidence; onOpenPdf: (item: FileEvidence) => void }) {
  const name = item.fileName ?? "minh chứng";
  const size = <span className="dd-muted">{formatBytes(item.size)}</span>;
  if (item.preview === "image" && item.previewUrl) {
    return (
      <span className="dd-evidence-image">
        <Image
          src={item.previewUrl}
          alt={name}
          width={48}
          height={48}
          style={{ objectFit: "cover" }}
          preview={{ mask: "Xem" }}
        />{" "}
        <span className="dd-evidence-file">{name}</span> {size}
      </span>
    );
  }
  if (item.preview === "pdf" && item.previewUrl) {
    return (
      <>
        <FilePdfOutlined />{" "}
        <Button
          type="link"
          size="small"
          className="dd-evidence-file dd-evidence-pdf"
          onClick={() => onOpenPdf(item)}
          style={{ padding: 0, height: "auto" }}
        >
          {name}
        </Button>{" "}
        {size}
      </>
    );
  }
  return (
    <>
      <FileOutlined />{" "}
      {item.downloadUrl ? (
        <a href={item.downloadUrl} download={item.fileName ?? undefined} className="dd-evidence-file">
          {name}
        </a>
      ) : (
        name
      )}{" "}
      {size}
    </>
  );
}

/**
 * A report's evidence: files by name and size (images as thumbnails, PDFs shown in a dialog,
 * other types downloaded), links, and cited document numbers.
 */
export function EvidenceList({ items }: { items: Evidence[] }) {
  const [pdf, setPdf] = useState<FileEvidence | null>(null);
  if (items.length === 0) return <span className="dd-muted">Không có minh chứng</span>;
  return (
    <>
      <ul className="dd-evidence" data-testid="evidence-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.kind === "file" && <EvidenceFile item={item} onOpenPdf={setPdf} />}
            {item.kind === "link" && item.url && (
              <>
                <LinkOutlined />{" "}
                {safeUrl(item.url) ? (
                  <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                    {item.url}
                  </a>
                ) : (
                  item.url
                )}
              </>
            )}
            {item.kind === "document_number" && (
              <>
                <FileTextOutlined /> Văn bản số <b>{item.documentNumber}</b>
              </>
            )}
          </li>
        ))}
      </ul>
      <Modal
        open={pdf !== null}
        title={pdf?.fileName ?? "Minh chứng"}
        onCancel={() => setPdf(null)}
        width="min(1000px, 96vw)"
        destroyOnHidden
        footer={
          pdf?.downloadUrl && (
            <a href={pdf.downloadUrl} download={pdf.fileName ?? undefined}>
              <Button icon={<DownloadOutlined />}>Tải về</Button>
            </a>
          )
        }
      >
        {pdf?.previewUrl && (
          <iframe
            src={pdf.previewUrl}
            title={`Xem tệp ${pdf.fileName ?? "minh chứng"}`}
            className="dd-evidence-frame"
            data-testid="evidence-pdf-frame"
          />
        )}
      </Modal>
    </>
  );
}
