// drizzle-kit configuration, used by `npm run migration:generate` / `migration:new`.
//
// `drizzle-kit push` diffs the schema straight onto a database and bypasses the committed,
// transactional migrations the `migrate` service depends on. It is refused here unless the target
// is a throwaway local database AND RYTASK_ALLOW_PUSH=1 is set. This file is a dev tool run by
// drizzle-kit, not a RyTask process, which is why it reads process.env itself.
import { defineConfig } from 'drizzle-kit';
import { assertPushAllowed } from './scripts/push-guard.mjs';

if (process.argv.some((arg) => arg === 'push')) {
  assertPushAllowed(process.env);
}

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/rytask_throwaway' },
  strict: true,
  verbose: true,
});
