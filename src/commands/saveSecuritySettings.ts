import { tenantSecuritySettings } from "../db/schema/index.ts";
import { roles } from "../domain/roles.ts";
import { securitySettings } from "../queries/security.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type SecuritySettingsInput, securitySettingsInput } from "./inputs/twoFactor.ts";

/** Sets which roles of the province must use TOTP. */
export async function saveSecuritySettings(ctx: CommandContext, raw: SecuritySettingsInput) {
  const input = securitySettingsInput.parse(raw);
  // Stored in the enum's order, so that the same choice reads the same in the audit log.
  const totpRequiredRoles = roles.filter((role) => input.totpRequiredRoles.includes(role));
  const before = await securitySettings(ctx.tx, ctx.tenantId);
  await ctx.tx
    .insert(tenantSecuritySettings)
    .values({ tenantId: ctx.tenantId, totpRequiredRoles })
    .onConflictDoUpdate({
      target: tenantSecuritySettings.tenantId,
      set: { totpRequiredRoles, updatedAt: new Date() },
    });
  await recordAudit(ctx, {
    action: "security.settings_saved",
    entityType: "tenant",
    entityId: ctx.tenantId,
    before,
    after: { totpRequiredRoles },
  });
  return { totpRequiredRoles };
}
