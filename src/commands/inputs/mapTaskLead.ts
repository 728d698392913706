// The standing office maps a lead name no agency carries to a directory agency (mapTaskLead).
// Shared with the web form.
import { z } from "zod";

export const mapTaskLeadInput = z.object({
  /** The lead as the document wrote it ("Các cơ quan khối Đảng"). */
  name: z.string().trim().min(1).max(300),
  agencyId: z.uuid("Cần chọn cơ quan, đơn vị trong danh mục"),
  /**
   * Remember the name as the agency's alias and assign every task of the plan naming it, so the
   * next document naming it resolves too; otherwise only this task.
   */
  remember: z.boolean().default(true),
});
export type MapTaskLeadInput = z.input<typeof mapTaskLeadInput>;
