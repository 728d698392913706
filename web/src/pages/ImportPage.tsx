import { Alert, Card, Result, Spin, Table, Typography, Upload } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import {
  type ImportProgress,
  type OpenImport,
  progressToken,
  useImportProgress,
  useOpenImports,
  useUploadImport,
} from "../api/imports.ts";
import { useMe } from "../api/queries.ts";
import { InboxOutlined } from "../components/icons.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

const ACCEPT = ".docx,.pdf,.xlsx,.doc,.txt";

/**
 * "Nhập văn bản": the standing office uploads a plan file; the server extracts its task and
 * indicator tables and the preview opens (/nhap-van-ban/:importId). Imports not yet saved are
 * listed to go back to.
 */
export function ImportPage() {
  useDocumentTitle("Nhập văn bản");
  const me = useMe().data;
  const allowed = can.importPlans(me);
  const upload = useUploadImport();
  const progress = useImportProgress(upload.isPending ? upload.variables?.token : undefined).data;
  const open = useOpenImports(allowed);
  const navigate = useNavigate();

  if (!allowed) {
    return (
      <Result
        status="403"
        title="Không có quyền nhập văn bản"
        subTitle="Chỉ cơ quan thường trực và quản trị viên được nhập kế hoạch."
      />
    );
  }

  const onFile = (file: File) => {
    upload.mutate(
      { file, token: progressToken() },
      { onSuccess: (preview) => navigate(paths.importPreview(preview.importId)) },
    );
    return false;
  };

  return (
    <>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            Nhập văn bản, kế hoạch
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        <Spin spinning={upload.isPending} description={pendingText(progress)}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={onFile}
            disabled={upload.isPending}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">Kéo thả tệp vào đây, hoặc nhấn để chọn tệp</p>
            <p className="ant-upload-hint">
              Word (.docx, .doc), PDF, Excel (.xlsx) hoặc văn bản (.txt); tối đa 50 MB. Hệ thống đọc các bảng
              phụ lục nhiệm vụ, chỉ tiêu để anh/chị kiểm tra, sửa trước khi lưu.
            </p>
          </Upload.Dragger>
        </Spin>
        {upload.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title="Không nhập được tệp"
            description={errorMessage(upload.error)}
            data-testid="import-error"
          />
        )}
      </Card>
      <Card title="Bản nhập chưa lưu" size="small">
        {open.isError && <Alert type="error" showIcon title={errorMessage(open.error)} />}
        <Table<OpenImport>
          size="small"
          bordered
          rowKey="id"
          loading={open.isPending}
          dataSource={open.data ?? []}
          pagination={false}
          locale={{ emptyText: open.isPending ? " " : "Không có bản nhập nào đang chờ." }}
          columns={[
            {
              title: "Tệp",
              key: "file",
              render: (_, item) => <Link to={paths.importPreview(item.id)}>{item.fileName}</Link>,
            },
            {
              title: "Số hiệu",
              dataIndex: "documentNumber",
              width: 160,
              render: (n: string | null) => n ?? "",
            },
            {
              title: "Số nhiệm vụ",
              dataIndex: "taskCount",
              width: 110,
              align: "right",
              render: (n: number) => formatNumber(n),
            },
            { title: "Người nhập", dataIndex: "createdByName", width: 220 },
            { title: "Lúc", dataIndex: "createdAt", width: 150, render: (t: string) => formatDateTime(t) },
          ]}
        />
      </Card>
    </>
  );
}

/** What the page says while the file is read; a scan's OCR goes page by page. */
function pendingText(progress: ImportProgress | null | undefined): string {
  if (progress?.stage === "ocr" && progress.total > 0) {
    const page = Math.min(progress.done + 1, progress.total);
    return `Đang nhận dạng chữ trang ${page}/${progress.total}…`;
  }
  return "Đang đọc văn bản, trích xuất danh mục nhiệm vụ…";
}
