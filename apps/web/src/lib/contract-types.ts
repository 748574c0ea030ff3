// The contracts package exports zod schemas; web takes only their types (`import type`), so zod
// never reaches the browser bundle. This names a schema's output type without importing zod.
export type Infer<S extends { _zod: { output: unknown } }> = S['_zod']['output'];
