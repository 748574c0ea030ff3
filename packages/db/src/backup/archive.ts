// The backup archive on disk: a gzip'd tar (ustar), readable by `tar -xzf`, written and read as
// streams so memory stays flat however large the database is.
//
// Writing: a tar header must state its entry's size up front, but a table's COPY text is only
// known once it has been dumped. So each table is compressed *while* it streams out of PostgreSQL
// into its own gzip member (staged in a temp file), and the archive is then assembled by
// concatenating gzip members: tar headers and padding are small members of their own, each table
// is copied in as it was compressed. RFC 1952 allows any number of members; gzip, GNU tar, Python
// and Node's zlib (and older RyTask versions, via node-tar) read them as one stream.
import { createReadStream } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { Header, Parser, Pax, type ReadEntry } from 'tar';

/**
 * zlib level for table data. Level 1 compresses these COPY files (uuids, hashes, timestamps) to
 * within ~4 % of level 6 (pg_dump's default) at well under half the CPU time, and compression is
 * what a backup spends its time on. See docs/benchmarks.md, "Backup and restore".
 */
export const TABLE_GZIP_LEVEL = 1;

const BLOCK = 512;

/** The tar header block(s) for a regular file; a pax header first when ustar can't hold a field. */
export function entryHeader(path: string, size: number, mtime: Date): Buffer {
  const data = { path, size, mtime, mode: 0o644, uid: 0, gid: 0, type: 'File' as const };
  const block = Buffer.alloc(BLOCK);
  // encode() returns true when a value does not fit ustar (e.g. a file over 8 GiB): like node-tar's
  // own writer, add a pax header carrying the exact values.
  if (new Header(data).encode(block)) return Buffer.concat([new Pax(data).encode(), block]);
  return block;
}

/** Zero bytes after an entry's data, up to the next 512-byte boundary. */
export function entryPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Two zero blocks end a tar archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

/** One gzip member holding `parts` (headers, padding, the manifest: all small). */
export function gzipMember(parts: Buffer[]): Buffer {
  return gzipSync(Buffer.concat(parts));
}

/**
 * Streams a backup archive and calls `onEntry` for each entry, in order and one at a time: the next
 * entry waits (and with it the file) until the previous call has settled. `onEntry` must consume
 * the entry. Rejects if the file is not gzip, is truncated or corrupt (gzip checks a CRC per
 * member), is not a tar archive, or when `onEntry` rejects.
 */
export function readArchive(file: string, onEntry: (entry: ReadEntry) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Large chunks: Node's zlib inflates on the thread pool (so hashing on the main thread overlaps
    // with it), one hand-off per chunk; at the default 16 KiB the hand-offs cost more than inflating.
    const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    let settled = false;
    let chain = Promise.resolve();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      input.destroy();
      gunzip.destroy();
      reject(error);
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        chain = chain.then(async () => {
          if (!settled) await onEntry(entry);
          entry.resume(); // whatever the handler left unread, so the parser moves on
        });
        chain.catch(fail);
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      chain.then(() => {
        if (settled) return;
        settled = true;
        resolve();
      }, fail);
    });
    input.on('error', fail);
    gunzip.on('error', fail);
    input.pipe(gunzip).pipe(parser as unknown as NodeJS.WritableStream);
  });
}
