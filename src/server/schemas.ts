import { z } from "zod";

/** The shape of every error body: a stable code and a Vietnamese message. */
export const errorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
// One named component in the OpenAPI document, referenced by every operation's error responses,
// rather than the same object written out under each of them.
z.globalRegistry.add(errorBody, { id: "Error" });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};

/**
 * One count per key of an enum. z.record(z.enum(…)) checks the same, but its JSON schema names
 * the keys only in `propertyNames`, which the web app's generated types ignore: they would read
 * any string as a key.
 */
export const countsBy = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number()])) as Record<K[number], z.ZodNumber>);
