import { z } from "zod";

// Validation messages users may see (bad query strings, bad bodies) in Vietnamese, not English.
z.config(z.locales.vi());

export { z };
