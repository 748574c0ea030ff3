// Builds the Fastify app: routes, error handling, and the web build at `/`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import staticFiles from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Migration } from '@rytask/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { ApiContext } from './context';
import { registerCsrfCheck } from './plugins/auth';
import { registerErrorHandler } from './plugins/errors';
import { registerInputHygiene } from './plugins/input';
import { ReadCache, registerReadCache } from './plugins/read-cache';
import { serializeRequest } from './plugins/log-redaction';
import { serializerCompiler } from './plugins/serializer';
import { authRoutes } from './routes/auth/auth.route';
import { healthRoutes } from './routes/health/health.route';
import { itemRoutes } from './routes/items/items.route';
import { itemListRoutes } from './routes/items/list.route';
import { quickAddRoutes } from './routes/items/quick-add.route';
import { labelRoutes } from './routes/labels/labels.route';
import { projectRoutes } from './routes/projects/projects.route';
import { commentRoutes } from './routes/comments/comments.route';
import { inboxRoutes } from './routes/inbox/inbox.route';
import { searchRoutes } from './routes/search/search.route';
import { savedViewRoutes } from './routes/views/views.route';
import { inviteRoutes } from './routes/invites/invites.route';
import { meRoutes } from './routes/me/me.route';
import { memberRoutes } from './routes/members/members.route';
import { organizationRoutes } from './routes/organization/organization.route';
import { tokenRoutes } from './routes/tokens/tokens.route';
import { timeRoutes } from './routes/time/time.route';
import { reportRoutes } from './routes/reports/reports.route';

export interface BuildServerOptions {
  context: ApiContext;
  migrations: Migration[];
  /** The web app's build output; the SPA is served from here with index.html as fallback. */
  webDir?: string;
  logLevel: string;
  /** Where log lines go (default: stdout). */
  logStream?: NodeJS.WritableStream;
  /** Kept between requests; off (caching nothing) until a change listener turns it on. */
  readCache?: ReadCache;
}

export async function buildServer({ context, migrations, webDir, logLevel, logStream, readCache = new ReadCache() }: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
      serializers: { req: serializeRequest },
    },
    // X-Forwarded-* (the client's address for sign-in throttling, https) only from a proxy on this
    // machine or a private network, as a reverse proxy or Docker's network is: a client that
    // reaches the api straight from the internet cannot choose the address it is counted under.
    trustProxy: 'loopback, linklocal, uniquelocal',
    // Sent to clients in error bodies so a user's report can be found in the log.
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  // Routes declare zod schemas: they validate input, shape output and generate the OpenAPI document
  // (responses are written by fast-json-stringify compiled from them: plugins/serializer.ts).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerCsrfCheck(app);
  registerInputHygiene(app);
  registerReadCache(app, readCache);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'RyTask API',
        version: context.appVersion,
        description:
          'REST + JSON. Authenticate with the session cookie (writes need the `x-rytask-csrf: 1` header) or a personal ' +
          'access token: `Authorization: Bearer <token>`. Errors: docs/api/errors.md.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (Profile → Access tokens).' },
          session: { type: 'apiKey', in: 'cookie', name: 'rytask_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, context, migrations);
  authRoutes(app, context);
  projectRoutes(app, context);
  labelRoutes(app, context);
  itemRoutes(app, context);
  itemListRoutes(app, context);
  quickAddRoutes(app, context);
  commentRoutes(app, context);
  searchRoutes(app, context);
  savedViewRoutes(app, context);
  inboxRoutes(app, context);
  meRoutes(app, context);
  tokenRoutes(app, context);
  memberRoutes(app, context);
  inviteRoutes(app, context);
  organizationRoutes(app, context);
  timeRoutes(app, context);
  reportRoutes(app, context);

  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(staticFiles, { root: webDir, wildcard: false });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
