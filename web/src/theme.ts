import type { ThemeConfig } from "antd";

/** A sober look for an administrative tool: dark-red accent, navy links, compact tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#a61d24",
    colorLink: "#1d4f91",
    colorInfo: "#1d4f91",
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    colorBgLayout: "#f3f4f6",
    // WCAG AA (4.5:1 for text): antd's light grey (#8c8c8c, 3.4:1) and red (#ff4d4f, 3.3:1) are
    // too pale for labels, hints, placeholders, breadcrumbs and danger buttons on white or on the page's grey.
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    colorError: "#cf1322",
  },
  components: {
    Layout: { headerBg: "#ffffff", headerHeight: 56, headerPadding: "0 24px" },
    // An empty table's text is drawn in the disabled grey (1.8:1): readable here.
    Table: {
      colorTextDisabled: "rgba(0, 0, 0, 0.6)",
      headerBg: "#eef1f5",
      headerColor: "#1f2937",
      cellPaddingBlockSM: 6,
      cellPaddingInlineSM: 8,
    },
    Menu: { horizontalItemSelectedColor: "#a61d24" },
  },
};
