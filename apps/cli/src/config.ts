// The only place RyTask reads its environment: once per process, through one zod schema. Every
// problem is reported together; the process exits non-zero. docs/self-hosting/configuration.md
// documents every variable with its default (a test keeps the two in step).
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// zod's v3 API (shipped inside the zod package): every `rytask` process loads this module before
// anything else, and v3 bundles to a fraction of v4's size — an idle `rytask migrate` must start
// fast (bench/migrate-idle.mjs). The API's contracts use zod 4.
import { z } from 'zod/v3';

const seconds = (fallback: number) =>
  z.coerce.number({ invalid_type_error: 'must be a number of seconds' }).positive('must be more than 0').default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

export const configSchema = z
  .object({
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/rytask')
        .optional(),
    ),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: optionalText.pipe(z.string().url('must be a URL such as https://rytask.example.com').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RYTASK_DATA_DIR: z.string().min(1).default('./data'),
    RYTASK_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
    RYTASK_ORG_NAME: z.string().trim().min(1).max(100).default('My organization'),
    RYTASK_ADMIN_EMAIL: z.string().email('must be an email address').default('admin@rytask.local'),
    RYTASK_ADMIN_PASSWORD: optionalText.pipe(
      z.string().min(12, 'must be at least 12 characters (or leave it unset to have one generated)').optional(),
    ),
    RYTASK_MIGRATE_LOCK_WAIT_SECONDS: seconds(60),
    RYTASK_MIGRATE_LOCK_TIMEOUT_SECONDS: seconds(10),
    RYTASK_BACKUP_DIR: z.string().min(1).default('./backups'),
    RYTASK_BACKUP_KEEP: z.coerce.number().int().min(1, 'must keep at least 1 backup').default(14),
    RYTASK_BACKUP_BEFORE_MIGRATE: z
      .enum(['true', 'false', '1', '0'], { errorMap: () => ({ message: 'must be true or false' }) })
      .default('true')
      .transform((value) => value === 'true' || value === '1'),
    RYTASK_WORKER_HEARTBEAT_FILE: z.string().min(1).default(join(tmpdir(), 'rytask-worker.heartbeat')),
  })
  .transform((env) => ({
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL,
    dataDir: resolve(env.RYTASK_DATA_DIR),
    embeddedPgPort: env.RYTASK_EMBEDDED_PG_PORT,
    organizationName: env.RYTASK_ORG_NAME,
    adminEmail: env.RYTASK_ADMIN_EMAIL.toLowerCase(),
    adminPassword: env.RYTASK_ADMIN_PASSWORD,
    lockWaitMs: env.RYTASK_MIGRATE_LOCK_WAIT_SECONDS * 1000,
    lockTimeoutMs: env.RYTASK_MIGRATE_LOCK_TIMEOUT_SECONDS * 1000,
    heartbeatFile: env.RYTASK_WORKER_HEARTBEAT_FILE,
    backupDir: resolve(env.RYTASK_BACKUP_DIR),
    backupKeep: env.RYTASK_BACKUP_KEEP,
    backupBeforeMigrate: env.RYTASK_BACKUP_BEFORE_MIGRATE,
  }));

export type Config = z.infer<typeof configSchema>;
export const CONFIG_VARIABLES = Object.keys(configSchema.innerType().shape);

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(
    `RyTask's configuration has ${problems.length} problem(s):\n${problems.join('\n')}\n` +
      'Fix these environment variables (see docs/self-hosting/configuration.md) and start again.',
  );
}

export function requireDatabaseUrl(config: Config): string {
  if (!config.databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is not set. Set it to your PostgreSQL database, e.g.\n' +
        '  DATABASE_URL=postgres://rytask:secret@localhost:5432/rytask\n' +
        '(With compose, docker-compose.override.yml sets it — `make init` writes one. `npm start` prints the URL\n' +
        'of its embedded database while it runs.)',
    );
  }
  return config.databaseUrl;
}
