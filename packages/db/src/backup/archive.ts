// The backup archive on disk: a gzip'd tar (ustar), readable by `tar -xzf`, written and read as
// streams so memory stays flat however large the database is.
//
// Writing: a tar header must state its entry's size up front, but a table's COPY text is only
// known once it has been dumped. So each table is compressed *while* it streams out of PostgreSQL
// into its own gzip member (staged in a temp file), and the archive is then assembled by
// concatenating gzip members: tar headers and padding are small members of their own, each table
// is copied in as it was compressed. RFC 1952 allows any number of members; gzip, GNU tar, Python
// and Node's zlib (and older RyTask versions, via node-tar) read them as one stream.
//
// The seal: the last member's gzip header carries an extra field (RFC 1952 FEXTRA, subfield "RY";
// every gzip reader skips it) holding the sha256 and length of all the bytes before that member, and
// the length of the first member (the manifest). Checking a file is then one sha256 pass over its
// bytes — no inflating — and the manifest is read from the first member alone. Files without a seal
// (written before it existed, or with a damaged one) are checked the long way, entry by entry.
import { createReadStream, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createGunzip, crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { Header, Parser, Pax, type ReadEntry } from 'tar';
import { z } from 'zod';

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

export const sealSchema = z.object({
  /** sha256 of the file's first `bytes` bytes: everything before the sealing member. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  /** Length of the first gzip member, which holds manifest.json and nothing else. */
  manifestBytes: z.number().int().positive(),
});
export type Seal = z.infer<typeof sealSchema>;

const GZIP_MAGIC = [0x1f, 0x8b, 8];
const FLAG_EXTRA = 4;
const SEAL_SUBFIELD = 'RY';

/** The last gzip member of an archive: `parts` (padding, end of archive), its header carrying the seal. */
export function sealingMember(parts: Buffer[], seal: Seal): Buffer {
  const data = Buffer.concat(parts);
  const json = Buffer.from(JSON.stringify(seal));
  const header = Buffer.alloc(16);
  header.set(GZIP_MAGIC, 0);
  header[3] = FLAG_EXTRA;
  header[9] = 255; // OS unknown; MTIME and XFL stay 0
  header.writeUInt16LE(4 + json.length, 10); // XLEN: one subfield
  header.write(SEAL_SUBFIELD, 12, 'latin1');
  header.writeUInt16LE(json.length, 14);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, json, deflateRawSync(data), trailer]);
}

/** The seal of an archive, or undefined when it has none (older files) or it is damaged. */
export function readSeal(file: string): Seal | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    // The sealing member is a few hundred bytes: padding and the end-of-archive blocks compress to nothing.
    const tail = Buffer.alloc(Math.min(size, 16 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    for (let at = tail.length - 16; at >= 0; at--) {
      if (tail[at] !== GZIP_MAGIC[0] || tail[at + 1] !== GZIP_MAGIC[1] || tail[at + 2] !== GZIP_MAGIC[2] || tail[at + 3] !== FLAG_EXTRA) continue;
      if (tail.toString('latin1', at + 12, at + 14) !== SEAL_SUBFIELD || tail.readUInt16LE(at + 10) !== 4 + tail.readUInt16LE(at + 14)) continue;
      try {
        const seal = sealSchema.parse(JSON.parse(tail.toString('utf8', at + 16, at + 16 + tail.readUInt16LE(at + 14))));
        const rest = gunzipSync(tail.subarray(at)); // the member must be whole (CRC, length) and end the file
        if (seal.bytes !== size - (tail.length - at) || rest.length < 1024 || rest.some((byte) => byte !== 0)) continue;
        return seal;
      } catch {
        continue;
      }
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
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
