import { startApi } from '@rytask/api';
import { startWorker } from '@rytask/worker';
import type { Config } from '../config';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { migrateCommand } from './migrate';
import { apiOptions, closeOnSignal, workerOptions } from './serve';

/**
 * `rytask start` (`npm start`): what compose does, in one process — migrate (with the seed), then
 * api and worker — on the embedded PostgreSQL unless DATABASE_URL is set.
 */
export async function startCommand(config: Config): Promise<number> {
  const log = (line: string) => console.log(line);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const services: { close(): Promise<void> }[] = [];
  try {
    if (embedded) log(`Embedded PostgreSQL is running: DATABASE_URL=${databaseUrl}`);
    await migrateCommand({ ...config, databaseUrl }, { seed: true });
    services.push(await startApi(apiOptions(config, databaseUrl)));
    services.push(await startWorker(workerOptions(config, databaseUrl)));
  } catch (error) {
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  log(`\nRyTask is running at ${config.publicUrl} — press Ctrl-C to stop.`);
  return closeOnSignal(services, embedded ? () => embedded.stop() : undefined);
}
