// The `rytask` command. Reads the configuration once, runs one subcommand, and exits non-zero on
// any failure with a message that says what to do next. Subcommands are loaded on demand so that
// `rytask migrate` does not pay for the web server or the job runner.
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from './config';
import { APP_VERSION } from './version';

const USAGE = `rytask ${APP_VERSION} — self-hosted project tracking

Usage: rytask <command> [options]

  start              migrate, then run api + worker (embedded PostgreSQL unless DATABASE_URL is set)
  migrate            apply pending migrations (after a backup), then run the seed   [--no-seed]
                     --rehearse: apply them to a scratch copy of the latest backup instead
  status             compare the database with this code's migrations (exit 0 only on an exact match)   [--json]
  seed               insert the default organization and first owner if never inserted
  api                run the HTTP API and web app
  worker             run background jobs and schedules
  healthcheck <api|worker>   exit 0 when the service is healthy (for container healthchecks)
  backup             write a backup file into RYTASK_BACKUP_DIR   [--out DIR]
  restore FILE       replace the database with a verified backup, then apply newer migrations
                     [--force if it holds data] [--no-migrate: stay at the backup's version, to roll back]
  verify FILE        restore a backup into a scratch database and check it
  doctor             compare the live schema with what the migrations produce   [--json]
  organization create --name NAME --owner-email EMAIL [--owner-name NAME]
                     a new organization and its first owner (an existing account, or a new one
                     with a one-time password)
  organization list  every organization, its active members and owners   [--json]
  user reset-password --email EMAIL
                     a one-time password for someone who forgot theirs (changed at sign-in)

Configuration comes from environment variables: docs/self-hosting/configuration.md`;

class UsageError extends Error {}

/** Connection failures, said plainly instead of as a stack trace. */
function databaseProblem(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing accepts connections at that address — is PostgreSQL running?',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name does not resolve (yet)',
    ETIMEDOUT: 'the connection timed out',
    '28P01': 'the password was rejected',
    '28000': 'the role may not connect',
    '3D000': 'the database does not exist',
  };
  if (!code || !reasons[code]) return null;
  return `Cannot connect to the database: ${reasons[code]} (${message}).\nCheck DATABASE_URL (with compose it is set in docker-compose.override.yml).`;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-seed': { type: 'boolean', default: false },
      rehearse: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'no-migrate': { type: 'boolean', default: false },
      out: { type: 'string' },
      name: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
      email: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(APP_VERSION);
    return 0;
  }
  if (values.help || !command || command === 'help') {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = readConfig();
  switch (command) {
    case 'migrate':
      if (values.rehearse) await (await import('./commands/backup')).rehearseCommand(config);
      else await (await import('./commands/migrate')).migrateCommand(config, { seed: !values['no-seed'] });
      return 0;
    case 'seed':
      await (await import('./commands/migrate')).seedCommand(config);
      return 0;
    case 'status':
      return (await import('./commands/status')).statusCommand(config, { json: values.json });
    case 'api':
      return (await import('./commands/serve')).apiCommand(config);
    case 'worker':
      return (await import('./commands/serve')).workerCommand(config);
    case 'start':
      return (await import('./commands/start')).startCommand(config);
    case 'healthcheck':
      return (await import('./commands/healthcheck')).healthcheckCommand(config, rest[0]);
    case 'backup':
      await (await import('./commands/backup')).backupCommand(config, { out: values.out });
      return 0;
    case 'restore':
      await (await import('./commands/backup')).restoreCommand(config, rest[0], { force: values.force, upgrade: !values['no-migrate'] });
      return 0;
    case 'verify':
      await (await import('./commands/backup')).verifyCommand(config, rest[0]);
      return 0;
    case 'doctor':
      return (await import('./commands/doctor')).doctorCommand(config, { json: values.json });
    case 'organization':
      return (await import('./commands/organization')).organizationCommand(config, rest[0], {
        name: values.name,
        ownerEmail: values['owner-email'],
        ownerName: values['owner-name'],
        json: values.json,
      });
    case 'user':
      return (await import('./commands/user')).userCommand(config, rest[0], { email: values.email });
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\nRun \`rytask --help\` for the commands.`);
      process.exit(2);
    }
    const unreachable = databaseProblem(error);
    if (unreachable) {
      console.error(unreachable);
      process.exit(1);
    }
    const known = error instanceof ConfigError || ['MigrationError', 'BootRefusal', 'WorkerBootRefusal', 'BackupError', 'ScratchDatabaseError', 'EmbeddedPostgresError', 'DoctorError', 'AppError'].includes((error as Error).name);
    // Known failures carry their own advice; anything else gets its stack for the bug report.
    console.error(known ? (error as Error).message : `rytask failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
