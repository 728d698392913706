// Forms check what they send with the command's own zod schema (src/commands/inputs): the rules
// and their Vietnamese messages are written once, for the API and the screens alike.
import type { FormRule } from "antd";
import { z } from "zod";
// zod's own messages (a value too long, a bad e-mail…) in Vietnamese, as on the server.
import "../../../src/validation.ts";

/** The schema's messages are sentences of the API's error body; the form's end with a full stop. */
const sentence = (message: string) => (/[.!?…]$/.test(message) ? message : `${message}.`);

/** The string, number or array under optional, nullable, default and the input side of a pipe. */
function core(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return core(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return core(schema.in as z.ZodType);
  return schema;
}

/** The longest text the schema accepts, for the input's maxLength. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const text = core(schema);
  return text instanceof z.ZodString ? (text.maxLength ?? undefined) : undefined;
}

/** The bounds of a number the schema accepts, for an InputNumber's min and max. */
export function rangeOf(schema: z.ZodType): { min?: number; max?: number } {
  const number = core(schema);
  if (!(number instanceof z.ZodNumber)) return {};
  return { min: number.minValue ?? undefined, max: number.maxValue ?? undefined };
}

/** The first message the schema has about a value, for forms that are not Ant Design forms. */
export function firstProblem<S extends z.ZodType>(schema: S, value: z.input<S>): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : sentence(result.error.issues[0]?.message ?? "");
}

/**
 * A rule for one field of a form whose values `toInput` turns into the command's input (the same
 * function the form sends with): the whole input is checked, so that rules spanning fields (a
 * reason needed only when returning a report) apply too, and the first message about this field
 * is shown. `required` marks the label; by default a field is required when its schema refuses
 * to be left out.
 */
export function schemaRule<S extends z.ZodType, V>(
  schema: S,
  field: keyof z.input<S> & string,
  toInput: (values: Partial<V>) => z.input<S>,
  options: { required?: boolean } = {},
): FormRule {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const required = options.required ?? (shape[field] ? !shape[field].safeParse(undefined).success : false);
  return (form) => ({
    required,
    validator: async () => {
      const result = await schema.safeParseAsync(toInput(form.getFieldsValue(true) as Partial<V>));
      const issue = result.success ? undefined : result.error.issues.find((i) => i.path[0] === field);
      if (issue) throw new Error(sentence(issue.message));
    },
  });
}
