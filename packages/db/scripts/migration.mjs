#!/usr/bin/env node
// `npm run migration:new -- --name <name>`      → an empty hand-written migration
// `npm run migration:generate -- --name <name>` → a migration generated from the schema diff
// Both go through drizzle-kit so the journal (which fixes the order) is always updated with the file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const dbDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const journalPath = join(dbDir, 'migrations', 'meta', '_journal.json');
const [mode, ...rest] = process.argv.slice(2);

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (mode !== 'new' && mode !== 'generate') fail('usage: migration.mjs new|generate --name <name>');
let values;
try {
  ({ values } = parseArgs({ args: rest, options: { name: { type: 'string' } } }));
} catch (error) {
  fail(`${error.message}\nusage: npm run migration:${mode} -- --name <name>`);
}
const name = values.name;
if (!name || !/^[a-z][a-z0-9_]{1,60}$/.test(name)) {
  fail(
    `A migration needs a meaningful --name in snake_case (letters, digits, _), e.g.\n` +
      `  npm run migration:${mode} -- --name add_projects`,
  );
}

const entries = () => JSON.parse(readFileSync(journalPath, 'utf8')).entries;
const before = entries().length;
// drizzle-kit from node_modules, never fetched by npx.
const drizzleKit = join(dirname(createRequire(import.meta.url).resolve('drizzle-kit')), 'bin.cjs');
const args = [drizzleKit, 'generate', '--name', name, ...(mode === 'new' ? ['--custom'] : [])];
const result = spawnSync(process.execPath, args, { cwd: dbDir, stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  fail(`drizzle-kit generate failed (exit ${result.status}); nothing was added.`);
}
const after = entries();
if (after.length === before) {
  console.log('No schema changes: nothing to generate. (Edit packages/db/src/schema.ts first.)');
  process.exit(0);
}
const created = join(dbDir, 'migrations', `${after.at(-1).tag}.sql`);
console.log(relative(process.cwd(), created));
