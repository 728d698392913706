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
  },
  components: {
    Layout: { headerBg: "#ffffff", headerHeight: 56, headerPadding: "0 24px" },
    Table: { headerBg: "#eef1f5", headerColor: "#1f2937", cellPaddingBlockSM: 6, cellPaddingInlineSM: 8 },
    Menu: { horizontalItemSelectedColor: "#a61d24" },
  },
};
