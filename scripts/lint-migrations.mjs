#!/usr/bin/env node
// `npm run lint:migrations [-- [--verbose] [file.sql|dir]…]`: runs squawk over the migrations and
// fails on changes that lose data or block a live RyTask, unless the migration acknowledges them in
// its header. What is checked, why, and how to acknowledge: docs/migration-lint.md.
//
// Exit status: 0 clean, 1 violations, 2 usage error or squawk could not run (never 0 then).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devNull } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_DIR = join(root, 'packages/db/migrations');
// The oldest PostgreSQL RyTask supports (docs/self-hosting/configuration.md): squawk judges e.g.
// whether `ADD COLUMN … DEFAULT` rewrites the table by this version.
const PG_VERSION = '15';
const USAGE = 'usage: node scripts/lint-migrations.mjs [--verbose] [--squawk <binary>] [file.sql|dir]…';

// ── The rules that fail the lint ────────────────────────────────────────────────────────────────
// squawk rule name → why it hurts a live RyTask and what to do instead. Every other squawk rule is
// a style note that never fails. `newTableOk`: harmless on a table created earlier in the same
// migration (nobody uses it yet). `ackable: false`: the migration cannot work, so no header helps.
const NOT_NULL_STEPS =
  'add a CHECK (col IS NOT NULL) NOT VALID constraint, VALIDATE CONSTRAINT it in a later migration, then SET NOT NULL ' +
  '(PostgreSQL skips the scan when a validated check proves it) and drop the check.';
const NO_TX_INDEX = 'put it alone in a migration whose first line is `-- rytask:no-transaction`';
const RULES = {
  'ban-drop-column': {
    danger: 'deletes the column and its data for good; the app version still running during the deploy may read or write it and fail.',
    fix: 'expand/contract: first ship code that no longer uses the column, then drop it in a later release.',
  },
  'ban-drop-table': {
    danger: 'deletes the table and its data for good; the app version still running during the deploy may use it and fail.',
    fix: 'expand/contract: first ship code that no longer uses the table, then drop it in a later release.',
  },
  'ban-drop-database': { danger: 'deletes every table and row.', fix: 'never from a migration.' },
  'ban-truncate-cascade': {
    danger: 'also empties every table that references this one by foreign key, recursively: silent data loss.',
    fix: 'delete the rows you mean explicitly, table by table (in pages, as a backfill).',
  },
  'renaming-column': {
    danger: 'the app version still running during the deploy uses the old name and fails until every process is replaced.',
    fix: 'expand/contract: add the new column, write both, backfill, switch reads, drop the old column in a later release.',
  },
  'renaming-table': {
    danger: 'the app version still running during the deploy uses the old name and fails until every process is replaced.',
    fix: 'expand/contract: create the new table, write both, backfill, switch reads, drop the old one in a later release.',
  },
  'changing-column-type': {
    newTableOk: true,
    danger: 'rewrites the whole table under an ACCESS EXCLUSIVE lock (no reads, no writes until done) and may break the running app version.',
    fix: 'add a new column of the new type, backfill it in pages, switch the code to it, drop the old column later.',
  },
  'adding-required-field': {
    newTableOk: true,
    danger: 'ADD COLUMN … NOT NULL without a DEFAULT fails on any table that has rows, and inserts from the running app version fail.',
    fix: `add the column nullable (or with a constant DEFAULT), backfill it in pages in its own migration, then ${NOT_NULL_STEPS}`,
  },
  'adding-not-nullable-field': {
    newTableOk: true,
    danger: 'SET NOT NULL scans the whole table while holding an ACCESS EXCLUSIVE lock: no reads, no writes until done.',
    fix: `${NOT_NULL_STEPS[0].toUpperCase()}${NOT_NULL_STEPS.slice(1)}`,
  },
  'adding-field-with-default': {
    newTableOk: true,
    danger: 'a volatile DEFAULT (or a generated column) rewrites the whole table under an ACCESS EXCLUSIVE lock.',
    fix: 'add the column without that default (a constant DEFAULT is fine), then backfill it in pages in a separate migration.',
  },
  'require-concurrent-index-creation': {
    newTableOk: true,
    danger: 'CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.',
    fix: `CREATE INDEX CONCURRENTLY IF NOT EXISTS …; ${NO_TX_INDEX}.`,
  },
  'require-concurrent-index-deletion': {
    danger: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table: no reads, no writes while it waits and runs.',
    fix: `DROP INDEX CONCURRENTLY IF EXISTS …; ${NO_TX_INDEX}.`,
  },
  'ban-concurrent-index-creation-in-transaction': {
    ackable: false,
    danger: 'CONCURRENTLY cannot run inside a transaction, and this migration runs in one: it fails at deploy time.',
    fix: `${NO_TX_INDEX}, and make it idempotent (IF NOT EXISTS / IF EXISTS).`,
  },
  'constraint-missing-not-valid': {
    newTableOk: true,
    // squawk reports this next to the specific rules below; their advice is the right one (UNIQUE
    // and PRIMARY KEY constraints cannot even be NOT VALID), so one acknowledgement is enough.
    supersededBy: ['adding-foreign-key-constraint', 'disallowed-unique-constraint', 'adding-serial-primary-key-field'],
    danger: 'adding a constraint scans the whole table while blocking writes to it.',
    fix: 'ADD CONSTRAINT … NOT VALID here, then ALTER TABLE … VALIDATE CONSTRAINT … in a later migration (it does not block writes).',
  },
  'adding-foreign-key-constraint': {
    newTableOk: true,
    danger: 'adding a foreign key scans the table while blocking writes to both tables.',
    fix: 'ADD CONSTRAINT … FOREIGN KEY … NOT VALID here, then VALIDATE CONSTRAINT in a later migration.',
  },
  'disallowed-unique-constraint': {
    newTableOk: true,
    danger: 'adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock: no reads, no writes until done.',
    fix: `CREATE UNIQUE INDEX CONCURRENTLY (${NO_TX_INDEX}), then ADD CONSTRAINT … UNIQUE USING INDEX … in a later migration.`,
  },
  'adding-serial-primary-key-field': {
    newTableOk: true,
    danger: 'adding a primary key builds its index under an ACCESS EXCLUSIVE lock: no reads, no writes until done.',
    fix: `CREATE UNIQUE INDEX CONCURRENTLY (${NO_TX_INDEX}), then ADD PRIMARY KEY USING INDEX … in a later migration.`,
  },
};

// ── The header: the leading comment block, as packages/db/src/migrator/journal.ts reads it ───────
const NO_TRANSACTION = /^\s*--\s*rytask:\s*no-transaction\b/m;
const ACK = /^\s*--\s*rytask:\s*acknowledge\b(.*)$/i;
const ACK_FORMAT = '`-- rytask:acknowledge <rule> -- <reason>`';
const MIN_REASON_WORDS = 3;

function headerLength(lines) {
  const end = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('--'));
  return end === -1 ? lines.length : end;
}

/** The `-- rytask:acknowledge <rule> -- <reason>` lines of the header, and what is wrong with them. */
function parseAcknowledgements(lines) {
  const byRule = new Map();
  const errors = [];
  const bad = (line, problem) => errors.push({ line, rule: 'acknowledgement', problem, fix: `write it as ${ACK_FORMAT}.` });
  lines.slice(0, headerLength(lines)).forEach((text, index) => {
    const match = ACK.exec(text);
    if (!match) return;
    const line = index + 1;
    const [, rule, reason = ''] = /^\s+([\w-]+)(?:\s+--(.*))?$/.exec(match[1]) ?? [];
    if (!rule) return bad(line, `not an acknowledgement line: "${text.trim()}"`);
    if (!RULES[rule]) return bad(line, `"${rule}" is not a rule this lint enforces (the rules are in docs/migration-lint.md).`);
    if (RULES[rule].ackable === false) return bad(line, `${rule} cannot be acknowledged: the migration would fail.`);
    if (/^<.*>$/.test(reason.trim())) return bad(line, `replace the <…> placeholder with the actual reason.`);
    if (reason.trim().split(/\s+/).filter(Boolean).length < MIN_REASON_WORDS) {
      return bad(line, `acknowledging ${rule} needs a reason of at least ${MIN_REASON_WORDS} words saying why it is safe.`);
    }
    byRule.set(rule, { rule, reason: reason.trim(), line, used: false });
  });
  return { byRule, errors };
}

/** Markers the migrator or this lint would silently ignore, and squawk-ignore comments that bypass it. */
function misplacedMarkers(lines) {
  const found = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index >= headerLength(lines) && /--\s*rytask:\s*(acknowledge|no-transaction)\b/i.test(text)) {
      found.push({
        line,
        rule: 'misplaced-header',
        problem: 'rytask: markers count only in the leading comment block of the file; here it is ignored.',
        fix: 'move the line above the first statement.',
      });
    }
    const ignore = /squawk-ignore(?:-file)?\b(.*)$/.exec(text);
    const ignored = ignore?.[1].split(/[\s,]+/).filter(Boolean) ?? [];
    if (ignore && (ignored.length === 0 || ignored.some((rule) => RULES[rule]))) {
      found.push({
        line,
        rule: 'squawk-ignore',
        problem: 'a squawk-ignore comment would hide a destructive or blocking change without a recorded reason.',
        fix: `remove it and acknowledge the rule in the header: ${ACK_FORMAT}.`,
      });
    }
  });
  return found;
}

// ── Just enough SQL lexing to find statements and the table each one touches ─────────────────────
/**
 * The statements of a migration: `text` (one line, for messages), `code` (comments and string
 * contents blanked out, so keywords inside them never match), `start`/`end` offsets and `line`.
 */
function splitSql(sql) {
  const masked = sql.split(''); // UTF-16 units, like the indexes below
  const blank = (from, to) => {
    for (let i = from; i < to; i++) if (masked[i] !== '\n') masked[i] = ' ';
  };
  const bounds = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const two = sql.slice(i, i + 2);
    let end = i + 1;
    if (two === '--') {
      end = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
      blank(i, end);
    } else if (two === '/*') {
      // PostgreSQL block comments nest.
      let depth = 1;
      end = i + 2;
      while (depth > 0 && end < sql.length) {
        const pair = sql.slice(end, end + 2);
        depth += pair === '/*' ? 1 : pair === '*/' ? -1 : 0;
        end += pair === '/*' || pair === '*/' ? 2 : 1;
      }
      blank(i, end);
    } else if (sql[i] === "'" || sql[i] === '"') {
      const escapes = sql[i] === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
      end = i + 1;
      while (end < sql.length) {
        if (escapes && sql[end] === '\\') end += 2;
        else if (sql[end] === sql[i] && sql[end + 1] === sql[i]) end += 2;
        else if (sql[end] === sql[i]) break;
        else end += 1;
      }
      end = Math.min(end + 1, sql.length);
      if (sql[i] === "'") blank(i + 1, end - 1);
    } else if (sql[i] === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        end = close === -1 ? sql.length : close + tag.length;
        blank(i + tag.length, close === -1 ? sql.length : close);
      }
    } else if (sql[i] === ';') {
      bounds.push([start, i + 1]);
      start = i + 1;
    }
    i = end;
  }
  bounds.push([start, sql.length]);
  const code = masked.join('');
  return bounds.flatMap(([from, to]) => {
    const lead = code.slice(from, to).search(/\S/);
    if (lead === -1) return [];
    const begin = from + lead;
    const oneLine = (text) => text.replace(/;\s*$/, '').replace(/\s+/g, ' ').trim();
    // For messages: the original text without its trailing comment lines (`--> statement-breakpoint`).
    const text = oneLine(sql.slice(begin, to).replace(/--[^\n]*$/gm, ''));
    return [{
      start: begin,
      end: to,
      line: sql.slice(0, begin).split('\n').length,
      code: oneLine(code.slice(begin, to)),
      text: text.length > 160 ? `${text.slice(0, 160)}…` : text,
    }];
  });
}

/** The index of the statement holding squawk's position (0-based line, column in UTF-8 bytes). */
function statementAt(stmts, lines, line, byteColumn) {
  let offset = lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
  offset += Buffer.from(lines[line] ?? '').subarray(0, byteColumn).toString('utf8').length;
  const index = stmts.findIndex((stmt) => offset < stmt.end);
  return index === -1 ? stmts.length - 1 : index;
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const NAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})*`;
const CREATE_TABLE = new RegExp(
  String.raw`^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${NAME})`,
  'i',
);
const TARGETS = [
  new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${NAME})`, 'i'),
  new RegExp(
    String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${NAME})`,
    'i',
  ),
];

/** `"public"."Users"` → `Users`, `public.users` → `users`: the table part, as PostgreSQL folds it. */
function tableName(name) {
  const last = [...name.matchAll(new RegExp(IDENT, 'g'))].at(-1)[0];
  return last.startsWith('"') ? last.slice(1, -1).replaceAll('""', '"') : last.toLowerCase();
}

const createdTables = (stmts) =>
  new Set(stmts.map((stmt) => CREATE_TABLE.exec(stmt.code)?.[1]).filter(Boolean).map(tableName));

function targetTable(code) {
  const name = TARGETS.map((pattern) => pattern.exec(code)?.[1]).find(Boolean);
  return name ? tableName(name) : undefined;
}

/** Statements that PostgreSQL refuses to run inside a transaction block because of CONCURRENTLY. */
const needsNoTransaction = (code) =>
  /\bCONCURRENTLY\b/i.test(code) && /^(?:CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX|ALTER\s+TABLE\b.*\bDETACH\s+PARTITION)\b/i.test(code);

// ── Running squawk ──────────────────────────────────────────────────────────────────────────────
function usageError(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function toolError(message) {
  console.error(`migration lint could not run: ${message}`);
  process.exit(2);
}

/** The .sql files named, or found directly inside the directories named, sorted by name. */
function collectFiles(paths) {
  const files = [];
  for (const path of paths.map((p) => resolve(p))) {
    if (!existsSync(path)) usageError(`No such file or directory: ${path}`);
    if (statSync(path).isDirectory()) {
      files.push(...readdirSync(path).filter((name) => name.endsWith('.sql')).sort().map((name) => join(path, name)));
    } else if (path.endsWith('.sql')) files.push(path);
    else usageError(`Not a .sql file: ${path}`);
  }
  // Linting nothing must not pass: a wrong path would silently switch the check off.
  if (files.length === 0) usageError(`No .sql files in: ${paths.join(', ')}`);
  return [...new Set(files)];
}

/** squawk's binary from node_modules (squawk-cli picks the platform package); never downloaded. */
function squawkBinary(override) {
  if (override) return resolve(override);
  try {
    return createRequire(join(root, 'package.json'))('squawk-cli/js/index.js').getBinaryPath();
  } catch (error) {
    return toolError(`squawk is not installed (${error.message.split('\n')[0]}). Run \`npm ci\` at the repository root.`);
  }
}

/** One squawk run over `files`: its findings, or exit 2 if squawk failed. */
function runSquawk(binary, files, inTransaction) {
  if (files.length === 0) return [];
  const args = [
    '--reporter=json',
    `--pg-version=${PG_VERSION}`,
    // Transactional migrations run inside the migrator's transaction: squawk then knows that tables
    // created earlier in the file are new, and that CONCURRENTLY cannot work there.
    inTransaction ? '--assume-in-transaction' : '--no-assume-in-transaction',
    // No .squawk.toml applies: which rules fail is decided here, not by a config that could drop them.
    `--config=${devNull}`,
    ...files,
  ];
  const result = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) toolError(`cannot start squawk at ${binary} (${result.error.message}). Run \`npm ci\`.`);
  const detail = (result.stderr || result.stdout || '').trim().slice(0, 2000);
  // squawk exits 0 without findings and 1 with findings; anything else means it failed.
  if (result.status !== 0 && result.status !== 1) {
    toolError(`squawk exited with ${result.status ?? result.signal}${detail ? `:\n${detail}` : ''}`);
  }
  let findings;
  try {
    findings = JSON.parse(result.stdout);
  } catch {
    // handled below
  }
  if (!Array.isArray(findings)) toolError(`squawk did not report JSON${detail ? `:\n${detail}` : ''}`);
  return findings;
}

// ── Judging one migration ───────────────────────────────────────────────────────────────────────
function lintFile(file, sql, findings) {
  const lines = sql.split('\n');
  const transactional = !NO_TRANSACTION.test(lines.slice(0, headerLength(lines)).join('\n'));
  const stmts = splitSql(sql);
  const acks = parseAcknowledgements(lines);
  const result = { failures: [...acks.errors, ...misplacedMarkers(lines)], acknowledged: [], warnings: [], notes: [] };
  const statementOf = (finding) => statementAt(stmts, lines, finding.line, finding.column);

  // One parse error is enough to say: squawk reports a cascade of them after the first.
  const parseErrors = findings.filter((finding) => finding.level === 'Error' || finding.rule_name === 'syntax-error');
  if (parseErrors.length > 0) {
    const [first] = parseErrors;
    const more = parseErrors.length > 1 ? ` (and ${parseErrors.length - 1} more parse errors after it)` : '';
    result.failures.push({
      line: first.line + 1,
      rule: first.rule_name,
      statement: stmts[statementOf(first)]?.text,
      problem: `squawk cannot parse this: ${first.message}${more}, so nothing in the file was checked.`,
      fix: 'fix the SQL.',
    });
  }
  // What squawk reported where, as `rule@statement index`.
  const reported = new Set(findings.map((finding) => `${finding.rule_name}@${statementOf(finding)}`));
  for (const finding of findings) {
    if (parseErrors.includes(finding)) continue;
    const index = statementOf(finding);
    const statement = stmts[index];
    const base = { line: finding.line + 1, rule: finding.rule_name, statement: statement?.text, message: finding.message };
    const rule = RULES[finding.rule_name];
    if (!rule) {
      result.notes.push(base);
    } else if (rule.supersededBy?.some((other) => reported.has(`${other}@${index}`))) {
      // reported (and acknowledged) under the more specific rule
    } else if (rule.newTableOk && statement && createdTables(stmts.slice(0, index)).has(targetTable(statement.code))) {
      // A table created earlier in this migration is empty and unused: locking it blocks nobody.
      // squawk already skips these in transactional files (--assume-in-transaction) but not in
      // no-transaction ones, where it cannot know; the check here covers both.
    } else {
      const ack = rule.ackable === false ? undefined : acks.byRule.get(finding.rule_name);
      if (ack) {
        ack.used = true;
        result.acknowledged.push({ ...base, reason: ack.reason });
      } else result.failures.push({ ...base, ...rule, ackable: rule.ackable !== false });
    }
  }

  // squawk skips CONCURRENTLY in single-statement files (it assumes those run alone), but RyTask's
  // migrator runs every migration without the no-transaction header in a transaction, where
  // CONCURRENTLY fails at deploy time.
  const concurrently = 'ban-concurrent-index-creation-in-transaction';
  stmts.forEach((stmt, index) => {
    if (transactional && needsNoTransaction(stmt.code) && !reported.has(`${concurrently}@${index}`)) {
      result.failures.push({ line: stmt.line, rule: concurrently, statement: stmt.text, ...RULES[concurrently], ackable: false });
    }
  });
  for (const ack of acks.byRule.values()) {
    if (!ack.used) result.warnings.push({ line: ack.line, message: `acknowledges ${ack.rule}, but nothing in the migration needs it.` });
  }
  result.failures.sort((a, b) => a.line - b.line);
  return result;
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────
let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean', default: false }, squawk: { type: 'string' }, help: { type: 'boolean' } },
  });
} catch (error) {
  usageError(error.message);
}
if (options.values.help) {
  console.log(`${USAGE}\nWithout paths: packages/db/migrations/*.sql. See docs/migration-lint.md.`);
  process.exit(0);
}

const files = collectFiles(options.positionals.length > 0 ? options.positionals : [DEFAULT_DIR]);
const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const isTransactional = (file) => {
  const lines = sources.get(file).split('\n');
  return !NO_TRANSACTION.test(lines.slice(0, headerLength(lines)).join('\n'));
};
const binary = squawkBinary(options.values.squawk);
const findings = [
  ...runSquawk(binary, files.filter(isTransactional), true),
  ...runSquawk(binary, files.filter((file) => !isTransactional(file)), false),
];

const stray = findings.find((finding) => !sources.has(resolve(finding.file)));
if (stray) toolError(`squawk reported a file it was not asked about: ${stray.file}`);

const display = (file) => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
};
const totals = { failures: 0, acknowledged: 0, notes: 0 };
for (const file of files) {
  const where = (line) => `${display(file)}:${line}`;
  const result = lintFile(file, sources.get(file), findings.filter((finding) => resolve(finding.file) === file));
  totals.failures += result.failures.length;
  totals.acknowledged += result.acknowledged.length;
  totals.notes += result.notes.length;
  for (const failure of result.failures) {
    console.log(`\n✗ ${where(failure.line)}  ${failure.rule}`);
    if (failure.statement) console.log(`    statement: ${failure.statement}`);
    if (failure.danger) console.log(`    danger:    ${failure.danger}\n    instead:   ${failure.fix}`);
    else console.log(`    problem:   ${failure.problem}\n    fix:       ${failure.fix}`);
    if (failure.ackable) {
      console.log('    if the change is intended, add this line to the comment block at the top of the file:');
      console.log(`      -- rytask:acknowledge ${failure.rule} -- <why this is safe for a live RyTask>`);
    }
  }
  for (const item of result.acknowledged) console.log(`acknowledged ${where(item.line)} ${item.rule}: ${item.reason}`);
  for (const warning of result.warnings) console.log(`warning ${where(warning.line)} ${warning.message}`);
  if (options.values.verbose) for (const note of result.notes) console.log(`note ${where(note.line)} ${note.rule}: ${note.message}`);
}

const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (totals.failures > 0) console.log('');
console.log(
  `migration lint: ${count(files.length, 'file')}, ${count(totals.failures, 'violation')} (${totals.acknowledged} acknowledged)` +
    (totals.notes > 0 && !options.values.verbose ? `; ${count(totals.notes, 'style note')} not enforced (--verbose lists them)` : ''),
);
if (totals.failures > 0) console.log('Safe alternatives and the acknowledgement header: docs/migration-lint.md');
process.exit(totals.failures > 0 ? 1 : 0);
