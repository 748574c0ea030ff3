import { startApi } from '@rytask/api';
import { startWorker } from '@rytask/worker';
import { requireDatabaseUrl, type Config } from '../config';
import { APP_VERSION } from '../version';

interface Closable {
  close(): Promise<void>;
}

/**
 * Runs until SIGTERM or SIGINT, then closes each service in reverse order (api drains in-flight
 * requests, worker finishes its jobs). A second signal exits at once.
 */
export function closeOnSignal(services: Closable[], after?: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        console.error(`${signal} again: exiting without waiting.`);
        process.exit(1);
      }
      closing = true;
      console.error(`${signal} received: shutting down gracefully…`);
      void (async () => {
        let code = 0;
        for (const service of [...services].reverse()) {
          await service.close().catch((error: Error) => {
            console.error(`shutdown: ${error.message}`);
            code = 1;
          });
        }
        await after?.().catch((error: Error) => {
          console.error(`shutdown: ${error.message}`);
          code = 1;
        });
        resolve(code);
      })();
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  });
}

export function apiOptions(config: Config, databaseUrl: string) {
  return {
    databaseUrl,
    host: config.host,
    port: config.port,
    publicUrl: config.publicUrl,
    logLevel: config.logLevel,
    appVersion: APP_VERSION,
  };
}

export function workerOptions(config: Config, databaseUrl: string) {
  return { databaseUrl, logLevel: config.logLevel, heartbeatFile: config.heartbeatFile };
}

export async function apiCommand(config: Config): Promise<number> {
  const api = await startApi(apiOptions(config, requireDatabaseUrl(config)));
  return closeOnSignal([api]);
}

export async function workerCommand(config: Config): Promise<number> {
  const worker = await startWorker(workerOptions(config, requireDatabaseUrl(config)));
  return closeOnSignal([worker]);
}
