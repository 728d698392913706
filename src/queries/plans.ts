import { asc, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { documents, planSections, plans, tasks } from "../db/schema/index.ts";
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
    .leftJoin(tasks, tenantJoin(tasks.planId, plans.id, isNull(tasks.removedAt)))
    .where(inTenant(plans, tenantId))
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
      documentNumber: documents.number,
      documentType: documents.type,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      title: documents.title,
      organisationText: documents.organisationText,
    })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .where(inTenant(plans, tenantId, eq(plans.id, planId)));
  if (!plan) return null;
  const sections = await db
    .select({ id: planSections.id, numeral: planSections.numeral, title: planSections.title })
    .from(planSections)
    .where(inTenant(planSections, tenantId, eq(planSections.planId, planId)))
    .orderBy(asc(planSections.position));
  return { ...plan, sections };
}
