// What the api keeps in memory between requests: who a session or access token belongs to, and
// item list pages as sent. Correct first, fast second: everything is forgotten at once on any write.
//
// - A write through this api forgets everything when it starts and again just before it answers
//   (registerReadCache), so its caller's next read sees it.
// - A write by anyone else (the worker, a command, a second api, a hand edit) reaches the api as a
//   notification from the database's `rytask_notify_change` triggers (migration 0004) and forgets
//   everything when it arrives (change-listener.ts). Until the listener is connected, and whenever it
//   is not, the cache is off: nothing is stored or served.
// - A value read while something was forgotten is not stored (the generation moved), so a read that
//   raced a write never puts the old value back.
// - Entries also expire after `ttlMs` (a safety net for what changes with the clock alone, such as
//   what "due soon" means), and the whole cache holds at most `maxBytes`, oldest out first.
import type { FastifyInstance } from 'fastify';
import { SAFE_METHODS } from './auth';

interface Entry {
  value: unknown;
  bytes: number;
  storedAt: number;
}

export interface ReadCacheOptions {
  ttlMs?: number;
  maxBytes?: number;
  now?: () => number;
}

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  #generation = 0;
  #enabled = false;
  /** Counters for tests and diagnostics: served from memory, loaded, and whole-cache forgets. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor({ ttlMs = 30_000, maxBytes = 32 * 1024 * 1024, now = Date.now }: ReadCacheOptions = {}) {
    this.#ttlMs = ttlMs;
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Start caching: only once changes by others are known to arrive (the listener is connected). */
  enable(): void {
    this.invalidate();
    this.#enabled = true;
  }

  /** Stop caching and forget everything (the listener lost its connection, or the api stops). */
  disable(): void {
    this.#enabled = false;
    this.invalidate();
  }

  /** Forget everything, and refuse values whose load began before now. */
  invalidate(): void {
    this.#generation += 1;
    this.stats.invalidations += 1;
    this.#entries.clear();
    this.#bytes = 0;
  }

  /**
   * The value under `key`, from memory when fresh, else from `load` (stored when the cache is on,
   * nothing was forgotten meanwhile and `load` gave a value). `size` estimates a value's bytes.
   */
  async get<T>(key: string, load: () => Promise<T | undefined>, size: (value: T) => number): Promise<T | undefined> {
    if (this.#enabled) {
      const entry = this.#entries.get(key);
      if (entry && this.#now() - entry.storedAt < this.#ttlMs) {
        this.stats.hits += 1;
        return entry.value as T;
      }
      if (entry) this.#remove(key, entry);
    }
    this.stats.misses += 1;
    const generation = this.#generation;
    const value = await load();
    if (value !== undefined && this.#enabled && generation === this.#generation) this.#store(key, value, size(value));
    return value;
  }

  #store(key: string, value: unknown, bytes: number): void {
    if (bytes > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) this.#remove(key, previous);
    this.#entries.set(key, { value, bytes, storedAt: this.#now() });
    this.#bytes += bytes;
    // Maps iterate in insertion order: the first entries are the oldest.
    for (const [oldKey, oldEntry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#remove(oldKey, oldEntry);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    readCache: ReadCache;
  }
}

/**
 * Makes `app.readCache` available to routes and forgets it around every write request: when the
 * request arrives (reads already running will not store) and just before it answers (so what it
 * committed is what the caller's next read gets).
 */
export function registerReadCache(app: FastifyInstance, cache: ReadCache): void {
  app.decorate('readCache', cache);
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) cache.invalidate();
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method)) cache.invalidate();
    return payload;
  });
}
