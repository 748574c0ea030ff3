// Listens on the database's `rytask_changes` channel (migration 0004: every table's statement
// trigger) on a connection of its own, and forgets the read cache on each notification. The cache is
// on only while this listener is connected: a lost connection turns it off at once (a change made
// meanwhile cannot be missed), and it comes back on, empty, once the listener has reconnected.
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { ReadCache } from './plugins/read-cache';

export const CHANGES_CHANNEL = 'rytask_changes';
const RETRY_MS = [250, 1_000, 5_000, 15_000];

export interface ChangeListener {
  /** Emits `change` with each notification's payload (the table's name) after the cache forgot. */
  readonly events: EventEmitter;
  stop(): Promise<void>;
}

export function startChangeListener(databaseUrl: string, cache: ReadCache, log: Pick<FastifyBaseLogger, 'warn' | 'info'>): ChangeListener {
  const events = new EventEmitter();
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const current = new pg.Client({ connectionString: databaseUrl, application_name: 'rytask api (changes)' });
    client = current;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      cache.disable();
      current.removeAllListeners('notification');
      void current.end().catch(() => undefined);
      if (stopped) return;
      const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
      failures += 1;
      log.warn({ reason: error?.message ?? 'connection ended' }, `change listener lost its connection; caching is off until it reconnects (in ${delay} ms)`);
      retry = setTimeout(() => void connect(), delay);
    };
    current.on('error', onLost);
    current.on('end', () => onLost());
    current.on('notification', (message) => {
      cache.invalidate();
      events.emit('change', message.payload ?? '');
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (stopped || lost) return;
    if (failures > 0) log.info('change listener reconnected; caching is on again');
    failures = 0;
    cache.enable();
  };
  void connect();

  return {
    events,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      cache.disable();
      await client?.end().catch(() => undefined);
    },
  };
}
