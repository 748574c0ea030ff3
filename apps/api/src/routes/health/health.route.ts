import { checkSchema, schemaMismatch, type Migration } from '@rytask/db';
import type { ErrorResponse } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../../context';

/**
 * /healthz: the process is alive (for restarts). /readyz: the database answers AND its schema is
 * exactly what this code expects (for traffic). Never 200 when not ready.
 */
export function healthRoutes(app: FastifyInstance, { pool, appVersion }: ApiContext, migrations: Migration[]): void {
  app.get('/healthz', async () => ({ status: 'alive', version: appVersion }));

  app.get('/readyz', async (request, reply) => {
    let reason: string | null;
    try {
      reason = schemaMismatch(await checkSchema(pool, migrations));
    } catch (error) {
      reason = `The database is unreachable: ${(error as Error).message}`;
    }
    if (reason === null) return { status: 'ready', version: appVersion };
    request.log.warn({ reason }, 'not ready');
    const body: ErrorResponse = { error: { code: 'not_ready', message: reason, requestId: request.id } };
    return reply.code(503).send(body);
  });
}
