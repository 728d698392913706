import { asc, count, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { livePlan, liveTask } from "../db/liveRows.ts";
import { documents, planSections, plans, tasks, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";

export async function listPlans(db: Executor, tenantId: string) {
  return db
    .select({
      id: plans.id,
      name: plans.name,
      year: plans.year,
      reportingFrequency: plans.reportingFrequency,
      documentNumber: documents.number,
      documentType: documents.type,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      title: documents.title,
      taskCount: count(tasks.id),
      createdAt: plans.createdAt,
    })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .leftJoin(tasks, tenantJoin(tasks.planId, plans.id, liveTask()))
    .where(inTenant(plans, tenantId, livePlan()))
    .groupBy(plans.id, plans.tenantId, documents.id, documents.tenantId)
    .orderBy(desc(documents.issuedOn), asc(plans.name));
}

export async function getPlan(db: Executor, tenantId: string, planId: string) {
  const [plan] = await db
    .select({
      id: plans.id,
      name: plans.name,
      year: plans.year,
      reportingFrequency: plans.reportingFrequency,
      cutoffDay: plans.cutoffDay,
      requireHeadApproval: plans.requireHeadApproval,
      documentNumber: documents.number,
      documentType: documents.type,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      title: documents.title,
      organisationText: documents.organisationText,
    })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .where(inTenant(plans, tenantId, eq(plans.id, planId), livePlan()));
  if (!plan) return null;
  const sections = await db
    .select({ id: planSections.id, numeral: planSections.numeral, title: planSections.title })
    .from(planSections)
    .where(inTenant(planSections, tenantId, eq(planSections.planId, planId)))
    .orderBy(asc(planSections.position));
  return { ...plan, sections };
}

/** Plans deleted from the interface, newest deletion first: the standing office restores from here. */
export async function listDeletedPlans(db: Executor, tenantId: string) {
  const rows = await db
    .select({
      id: plans.id,
      name: plans.name,
      documentNumber: documents.number,
      deletedAt: plans.deletedAt,
      deletedBy: users.displayName,
    })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .leftJoin(users, tenantJoin(users.id, plans.deletedBy))
    .where(inTenant(plans, tenantId, isNotNull(plans.deletedAt)))
    .orderBy(desc(plans.deletedAt));
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt!.toISOString() }));
}
