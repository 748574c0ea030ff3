import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, generated from the route schemas, with every /api/v1 route tagged and summarised', async () => {
    const response = await server.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'RyTask API', version: 'test' });
    const operations = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const v1 = operations.filter((o) => o.route.includes(' /api/v1/'));
    expect(v1.length).toBeGreaterThan(3);
    expect(v1.filter((o) => !o.op.tags?.length || !o.op.summary).map((o) => o.route)).toEqual([]);
    // Request schemas come from zod: the login body names its fields.
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
  });

  it('has a browsable docs page', async () => {
    const response = await server.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
