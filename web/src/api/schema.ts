// The API's shapes as the server declares them: every type the web app reads or sends is taken
// from schema.gen.ts (generated from the routes' zod schemas by `npm run api:types`), never
// restated by hand, so a route changing its answer breaks the build here instead of a screen.
import type { paths } from "./schema.gen.ts";

export type Path = keyof paths;
type Verb = "get" | "post" | "put" | "patch" | "delete";
type Operation<P extends Path, M extends Verb> = NonNullable<paths[P][M]>;
type Success<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never;
type JsonOf<C> = C extends { content: { "application/json": infer J } } ? J : never;

/** What a route answers on success (its 200 or 201 JSON body). */
export type Json<P extends Path, M extends Verb = "get"> = JsonOf<Success<Operation<P, M>["responses"]>>;

/** A route's query string parameters. */
export type Query<P extends Path, M extends Verb = "get"> = NonNullable<
  Operation<P, M>["parameters"]["query"]
>;

/** A route's JSON request body. */
export type Body<P extends Path, M extends Verb> = NonNullable<JsonOf<Operation<P, M>["requestBody"]>>;
