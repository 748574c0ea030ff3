// Refuses `drizzle-kit push` unless it targets a throwaway local database and RYTASK_ALLOW_PUSH=1.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function pushRefusal(env) {
  const pointer =
    'Production schema changes happen only through committed migration files applied by ' +
    '`rytask migrate`: change packages/db/src/schema.ts, then `npm run migration:generate -- --name <name>`.';
  if (env.RYTASK_ALLOW_PUSH !== '1') {
    return `drizzle-kit push is disabled in RyTask. ${pointer} (For a throwaway local database only: set RYTASK_ALLOW_PUSH=1.)`;
  }
  let url;
  try {
    url = new URL(env.DATABASE_URL ?? '');
  } catch {
    return `drizzle-kit push needs DATABASE_URL pointing at a throwaway local database. ${pointer}`;
  }
  const database = url.pathname.replace(/^\//, '');
  if (!LOCAL_HOSTS.has(url.hostname) || !/(throwaway|scratch|tmp|test)/i.test(database)) {
    return (
      `drizzle-kit push refused: ${url.hostname}/${database} is not a throwaway local database ` +
      `(host must be localhost, database name must contain throwaway, scratch, tmp or test). ${pointer}`
    );
  }
  return null;
}

export function assertPushAllowed(env) {
  const refusal = pushRefusal(env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
