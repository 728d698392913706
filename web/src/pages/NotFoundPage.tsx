import { Button, Result } from "antd";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { paths } from "../lib/paths.ts";

export function NotFoundPage() {
  useDocumentTitle("Không tìm thấy trang");
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn không đúng hoặc trang đã được chuyển đi."
      extra={
        <Link to={paths.plans}>
          <Button type="primary">Về danh sách kế hoạch</Button>
        </Link>
      }
    />
  );
}
