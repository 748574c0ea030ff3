// A response schema as the JSON Schema that fast-json-stringify compiles (apps/api's serializer).
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * What a value of `schema` looks like on the wire (zod's output side), or undefined when the schema
 * holds something JSON Schema cannot say (a transform, a custom check on the output): such a route
 * keeps zod's own serializer.
 */
export function responseJsonSchema(schema: z.ZodType): JsonSchema | undefined {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-07', cycles: 'throw', reused: 'inline' }) as JsonSchema;
  } catch {
    return undefined;
  }
  delete json.$schema;
  return simplifyNullable(json) as JsonSchema;
}

/**
 * `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) as `type: [X's type, 'null']`: same meaning,
 * and fast-json-stringify writes it directly instead of testing each branch with a validator.
 */
function simplifyNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyNullable);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // Validation-only keywords: they change nothing in the output, and a `format` would make
    // fast-json-stringify convert strings as dates.
    if ((key === 'format' || key === 'pattern') && typeof value === 'string') continue;
    out[key] = simplifyNullable(value);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(out).length === 1) {
    const nullIndex = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex !== -1 && other && typeof other.type === 'string' && other.anyOf === undefined && other.oneOf === undefined) {
      return { ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}
