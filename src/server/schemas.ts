import { z } from "zod";

/** The shape of every error body: a stable code and a Vietnamese message. */
export const errorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};
