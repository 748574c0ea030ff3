// The `rytask` command. Reads the configuration once, runs one subcommand, and exits non-zero on
// any failure with a message that says what to do next. Subcommands are loaded on demand so that
// `rytask migrate` does not pay for the web server or the job runner.
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from './config';
import { APP_VERSION } from './version';

const USAGE = `rytask ${APP_VERSION} — self-hosted project tracking

Usage: rytask <command> [options]

  start              migrate, then run api + worker (embedded PostgreSQL unless DATABASE_URL is set)
  migrate            apply pending migrations, then run the seed   [--no-seed]
  status             compare the database with this code's migrations (exit 0 only on an exact match)   [--json]
  seed               insert the default organization and first owner if never inserted
  api                run the HTTP API and web app
  worker             run background jobs and schedules
  healthcheck <api|worker>   exit 0 when the service is healthy (for container healthchecks)
  backup, restore    not implemented yet (see docs/self-hosting/backups.md)

Configuration comes from environment variables: docs/self-hosting/configuration.md`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-seed': { type: 'boolean', default: false },
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
      await (await import('./commands/migrate')).migrateCommand(config, { seed: !values['no-seed'] });
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
    case 'restore':
      console.error(`rytask ${command} is not implemented yet; it arrives with the backups milestone (docs/self-hosting/backups.md).`);
      return 2;
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
    const known = error instanceof ConfigError || ['MigrationError', 'BootRefusal', 'WorkerBootRefusal'].includes((error as Error).name);
    // Known failures carry their own advice; anything else gets its stack for the bug report.
    console.error(known ? (error as Error).message : `rytask failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
