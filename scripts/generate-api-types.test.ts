import fs from "node:fs";
import { expect, it } from "vitest";
import { generateApiTypes, schemaFile } from "./generate-api-types.ts";

// The web app's API types are generated from the routes' zod schemas and committed: a route
// changed without regenerating would let the web app compile against shapes the server no
// longer sends.
it("web/src/api/schema.gen.ts matches the routes' schemas", async () => {
  const fresh = await generateApiTypes();
  const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, "utf8") : "";
  if (committed !== fresh) {
    expect.fail("web/src/api/schema.gen.ts is stale: the API's schemas changed. Run `npm run api:types`.");
  }
});
