import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * ZIP bombs built at test time, without ever holding the inflated content:
 * deflate one chunk of zeros with a sync flush (non-final, byte-aligned
 * blocks that reference nothing before them), repeat those bytes as often as
 * needed, then close the stream with an empty final block. A few hundred KB
 * that inflate to hundreds of MB, with a correct CRC, as a real bomb has.
 */

const CHUNK = 1024 * 1024;
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export interface ZipEntry {
  name: string;
  /** Raw-deflated bytes (method 8). */
  compressed: Uint8Array;
  /** What the archive claims the entry inflates to. */
  declaredSize: number;
  crc: number;
}

/** An entry of `megabytes` MB of zeros; `declaredSize` lets it lie. */
export function zerosEntry(name: string, megabytes: number, declaredSize = megabytes * CHUNK): ZipEntry {
  const chunk = Buffer.alloc(CHUNK);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  const compressed = Buffer.concat([...Array.from({ length: megabytes }, () => block), FINAL_EMPTY_BLOCK]);
  return { name, compressed, declaredSize, crc };
}

/** An ordinary entry from real bytes. */
export function fileEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, compressed: deflateRawSync(data), declaredSize: data.byteLength, crc: crc32(data) };
}

function localHeader(e: ZipEntry): Buffer {
  const name = Buffer.from(e.name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(e.crc >>> 0, 14);
  local.writeUInt32LE(e.compressed.byteLength, 18);
  local.writeUInt32LE(e.declaredSize, 22);
  local.writeUInt16LE(name.byteLength, 26);
  return Buffer.concat([local, name, Buffer.from(e.compressed)]);
}

function centralRecord(e: ZipEntry, at: number, name = e.name): Buffer {
  const n = Buffer.from(name);
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(8, 10);
  c.writeUInt32LE(e.crc >>> 0, 16);
  c.writeUInt32LE(e.compressed.byteLength, 20);
  c.writeUInt32LE(e.declaredSize, 24);
  c.writeUInt16LE(n.byteLength, 28);
  c.writeUInt32LE(at, 42);
  return Buffer.concat([c, n]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return end;
}

export interface ZipOptions {
  /** Bytes before the archive: a reader that "repairs" offsets then reads a different directory. */
  prefix?: Uint8Array;
  /** Extra central-directory records pointing at the same local entry (overlapping files). */
  repeatFirst?: number;
}

/** Assembles local headers, data, central directory and end record. */
export function buildZip(entries: ZipEntry[], opts: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = localHeader(e);
    locals.push(local);
    centrals.push(centralRecord(e, offset));
    offset += local.byteLength;
  }
  for (let i = 0; i < (opts.repeatFirst ?? 0); i++) centrals.push(centralRecord(entries[0]!, 0, `${entries[0]!.name}.${i}`));
  const cd = Buffer.concat(centrals);
  return Buffer.concat([Buffer.from(opts.prefix ?? []), ...locals, cd, endRecord(centrals.length, cd.byteLength, offset)]);
}

/**
 * Two archives in one file. A reader that takes the end record's directory
 * offset at its word finds `shown` (harmless). JSZip, seeing that the
 * directory does not end at the end record, assumes bytes were prepended,
 * shifts every offset, and reads `hidden` instead. Same entry count in both.
 */
export function decoyZip(shown: ZipEntry[], hidden: ZipEntry[]): Buffer {
  if (shown.length !== hidden.length) throw new Error('both directories must list as many entries');
  const shownLocals = shown.map(localHeader);
  const offsets = shownLocals.map((_, i) => shownLocals.slice(0, i).reduce((n, b) => n + b.byteLength, 0));
  const shownCd = Buffer.concat(shown.map((e, i) => centralRecord(e, offsets[i]!)));
  const x = shownLocals.reduce((n, b) => n + b.byteLength, 0); // where the shown directory starts
  const prefix = Buffer.concat([...shownLocals, shownCd]);
  const hiddenLocals = hidden.map(localHeader);
  const hiddenCdAt = prefix.byteLength + hiddenLocals.reduce((n, b) => n + b.byteLength, 0);
  const shift = hiddenCdAt - x; // what JSZip will add to every offset
  let pos = prefix.byteLength;
  const hiddenCd = Buffer.concat(
    hidden.map((e, i) => {
      const rel = pos - shift;
      if (rel < 0) throw new Error('the shown entries must be larger than the hidden ones');
      pos += hiddenLocals[i]!.byteLength;
      return centralRecord(e, rel);
    }),
  );
  return Buffer.concat([prefix, ...hiddenLocals, hiddenCd, endRecord(hidden.length, hiddenCd.byteLength, x)]);
}
