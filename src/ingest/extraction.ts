import { z } from "zod";
import { deadlineKinds } from "../domain/deadline.ts";
import { targetOps } from "../domain/indicatorTarget.ts";

/** The extraction contract (docs: shared EXTRACTION.md). Shared by the CLI, the import API and the web preview. */
export const deadlineKindSchema = z.enum(deadlineKinds);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deadlineSchema = z.object({
  text: z.string(),
  kind: deadlineKindSchema,
  due: isoDate.nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const extractedDocumentSchema = z.object({
  number: z.string().nullable(),
  type: z.string().nullable(),
  issuer: z.string().nullable(),
  date: isoDate.nullable(),
  title: z.string().nullable(),
});
export type ExtractedDocumentMeta = z.infer<typeof extractedDocumentSchema>;

export const extractedTaskSchema = z.object({
  ref: z.string(),
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  number: z.string(),
  title: z.string(),
  sources: z.array(z.string()),
  responsible: z.string(),
  leads: z.array(z.string()),
  coordinators: z.array(z.string()),
  output: z.string(),
  note: z.string(),
  deadline: deadlineSchema,
});
export type ExtractedTask = z.infer<typeof extractedTaskSchema>;

export const indicatorTargetSchema = z.object({
  year: z.number().int(),
  text: z.string(),
  op: z.enum(targetOps).nullable(),
  value: z.union([z.number(), z.boolean()]).nullable(),
});
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

export const extractedIndicatorSchema = z.object({
  ref: z.string(),
  section: z.string().nullable(),
  number: z.string(),
  name: z.string(),
  unit: z.string(),
  targets: z.array(indicatorTargetSchema),
  monitors: z.array(z.string()),
  sources: z.array(z.string()),
});
export type ExtractedIndicator = z.infer<typeof extractedIndicatorSchema>;

export const extractionWarningSchema = z.object({
  ref: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ExtractionWarning = z.infer<typeof extractionWarningSchema>;

export const extractionSchema = z.object({
  document: extractedDocumentSchema,
  tasks: z.array(extractedTaskSchema),
  indicators: z.array(extractedIndicatorSchema),
  warnings: z.array(extractionWarningSchema),
});
export type Extraction = z.infer<typeof extractionSchema>;
