import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache';

const value = (v: string) => async () => v;
const size = (v: string) => v.length;

describe('the read cache', () => {
  it('caches nothing until it is enabled, and nothing again once disabled', async () => {
    const cache = new ReadCache();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load, size)).toBe('v1');
    expect(await cache.get('k', load, size)).toBe('v2');
    cache.enable();
    expect(await cache.get('k', load, size)).toBe('v3');
    expect(await cache.get('k', load, size)).toBe('v3');
    cache.disable();
    expect(await cache.get('k', load, size)).toBe('v4');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 4 });
  });

  it('forgets everything on invalidate', async () => {
    const cache = new ReadCache();
    cache.enable();
    await cache.get('a', value('1'), size);
    await cache.get('b', value('2'), size);
    cache.invalidate();
    expect(await cache.get('a', value('fresh a'), size)).toBe('fresh a');
    expect(await cache.get('b', value('fresh b'), size)).toBe('fresh b');
  });

  it('never stores a value whose load began before a write was announced', async () => {
    const cache = new ReadCache();
    cache.enable();
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('read before the write'))), size);
    cache.invalidate(); // a write commits and is announced while the read is in flight
    release();
    expect(await slow).toBe('read before the write'); // the racing request still gets its answer…
    expect(await cache.get('k', value('after the write'), size)).toBe('after the write'); // …but it was not kept
  });

  it('does not store a missing value (an unknown session stays unknown, and is asked again)', async () => {
    const cache = new ReadCache();
    cache.enable();
    let loads = 0;
    const missing = async () => {
      loads += 1;
      return undefined;
    };
    await cache.get('k', missing, size);
    await cache.get('k', missing, size);
    expect(loads).toBe(2);
  });

  it('expires entries after the time to live', async () => {
    let now = 1_000;
    const cache = new ReadCache({ ttlMs: 100, now: () => now });
    cache.enable();
    await cache.get('k', value('old'), size);
    now += 99;
    expect(await cache.get('k', value('new'), size)).toBe('old');
    now += 1;
    expect(await cache.get('k', value('new'), size)).toBe('new');
  });

  it('holds at most maxBytes, dropping the oldest entries first', async () => {
    const cache = new ReadCache({ maxBytes: 10 });
    cache.enable();
    await cache.get('a', value('aaaa'), size);
    await cache.get('b', value('bbbb'), size);
    await cache.get('c', value('cccc'), size); // 12 bytes > 10: a goes
    expect(await cache.get('a', value('AAAA'), size)).toBe('AAAA'); // b, now the oldest, goes
    expect(await cache.get('c', value('x'), size)).toBe('cccc');
    expect(await cache.get('b', value('BBBB'), size)).toBe('BBBB');
    expect(await cache.get('huge', value('x'.repeat(11)), size)).toHaveLength(11); // larger than the cache: not kept
    expect(await cache.get('huge', value('small'), size)).toBe('small');
  });
});
