import { useEffect } from "react";

/** Sets the browser tab title: "<page> · Đôn Đốc". */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Đôn Đốc` : "Đôn Đốc";
  }, [title]);
}
