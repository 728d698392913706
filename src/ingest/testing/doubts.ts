/**
 * A row without the engine's confidence and doubts, for tests that compare rows whole against
 * hand-written answers (which do not list them; doubts.test.ts tests them on their own).
 */
export function withoutDoubts<T extends { confidence?: unknown; doubts?: unknown }>(
  row: T,
): Omit<T, "confidence" | "doubts"> {
  const { confidence: _confidence, doubts: _doubts, ...rest } = row;
  return rest;
}
