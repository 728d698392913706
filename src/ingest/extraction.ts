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

/**
 * Why a row of the extraction needs a second look: `field` names the column it concerns (title,
 * leads, coordinators, responsible, deadline, sources, output, note, ref; for indicators name,
 * unit, targets, monitors), `code` is the machine reason (src/ingest/interpret/doubts.ts declares
 * them and their weights), `message` the Vietnamese sentence the preview shows.
 */
export const doubtSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type Doubt = z.infer<typeof doubtSchema>;

/**
 * How sure the engine is of a row (1: nothing to check) and why it doubts. Both default, so
 * extractions stored before they existed, and hand-written expected files, still parse.
 */
const doubtFields = {
  confidence: z.number().min(0).max(1).default(1),
  doubts: z.array(doubtSchema).default([]),
};

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
  ...doubtFields,
});
/**
 * A task as interpreters build it: `confidence` and `doubts` may be left out (an interpreter may
 * set `doubts` of its own; interpret/doubts.ts adds the rest and the confidence).
 */
export type ExtractedTask = z.input<typeof extractedTaskSchema>;

export const indicatorTargetSchema = z.object({
  // Stored as a smallint: a larger year would fail the import's commit.
  year: z.number().int().min(-32_768).max(32_767),
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
  ...doubtFields,
});
export type ExtractedIndicator = z.input<typeof extractedIndicatorSchema>;

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
  /** The body's "Tổ chức thực hiện" section of a plan whose tasks are in a table, as text. */
  organisation: z.string().max(20_000).nullable().default(null),
});
/** The input side of the schema: rows may come without confidence and doubts (they default). */
export type Extraction = z.input<typeof extractionSchema>;
