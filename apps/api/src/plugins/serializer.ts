// Response serialization: fast-json-stringify compiled from each route's zod response schema.
//
// fastify-type-provider-zod's serializer re-validates every response with zod and then calls
// JSON.stringify — on a page of 50 items that was about a tenth of the list route's CPU. The
// schemas stay zod (OpenAPI, types, and what is sent): a compiled stringifier writes exactly the
// properties the schema declares, so a field the schema does not name is still never sent. What
// is no longer done per request is checking that the handler's value matches the schema — the
// presenters are typed against the same schemas, so that is the type checker's job.
// A schema JSON Schema cannot express keeps the zod serializer.
import { responseJsonSchema } from '@rytask/contracts';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import fastJsonStringify from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type ZodSchema = Parameters<typeof responseJsonSchema>[0];

export const serializerCompiler: FastifySerializerCompiler<ZodSchema> = (route) => {
  const json = responseJsonSchema(route.schema);
  if (!json) return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  return fastJsonStringify(json as unknown as Parameters<typeof fastJsonStringify>[0]) as (data: unknown) => string;
};
