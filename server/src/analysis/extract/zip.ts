import { inflateRawSync } from 'node:zlib';
import { ParseError } from '../types.ts';

/**
 * A minimal ZIP reader for DOCX, written here because its only job is to be
 * safe: it reads the central directory first and refuses an archive whose
 * declared sizes or compression ratios look like a ZIP bomb BEFORE inflating
 * anything, then inflates each entry with a hard output cap equal to its
 * declared size, so an archive that lies about its sizes is caught too.
 * Uses node:zlib (computation, not I/O), so it stays in the pure layer.
 */

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than 1 MB. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100, maxEntries: 5000 };

/** Refused for its size (declared, ratio, or real once inflated): a possible ZIP bomb, not a corrupt file. */
export class ZipLimitError extends ParseError {}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const stop = Math.max(0, view.byteLength - 22 - 65535);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  throw new ParseError('file', 'not a valid ZIP archive (no end of central directory)');
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  /** Every central-directory record, duplicates included (a name repeated may hide a second payload). */
  private readonly all: Entry[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    let pos = view.getUint32(eocd + 16, true);
    if (count === 0xffff || pos === 0xffffffff) throw new ParseError('file', 'ZIP64 archives are not accepted for documents');
    if (count > limits.maxEntries) throw new ZipLimitError('file', `the archive has ${count} entries; at most ${limits.maxEntries} are accepted`);
    // Office files never carry data before the archive. Other readers (JSZip, used by exceljs) shift every
    // offset when the directory does not end where the end record sits: they would then read a different
    // directory than the one checked here. So the directory must end exactly there.
    if (pos + cdSize !== eocd) throw new ParseError('file', 'corrupt ZIP: the central directory does not end where the archive says');
    let total = 0;
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (pos + 46 > bytes.byteLength || view.getUint32(pos, true) !== CENTRAL) throw new ParseError('file', 'corrupt ZIP central directory');
      const nameLength = view.getUint16(pos + 28, true);
      const entry: Entry = {
        method: view.getUint16(pos + 10, true),
        compressedSize: view.getUint32(pos + 20, true),
        size: view.getUint32(pos + 24, true),
        localOffset: view.getUint32(pos + 42, true),
        name: decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength)),
      };
      total += entry.size;
      if (total > limits.maxTotalBytes) {
        throw new ZipLimitError(`zip entry ${entry.name}`, `uncompressed content exceeds ${limits.maxTotalBytes / 1048576} MB: refused as a possible ZIP bomb`);
      }
      if (entry.size > 1024 * 1024 && entry.size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        throw new ZipLimitError(`zip entry ${entry.name}`, `compression ratio ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}:1 is beyond ${limits.maxRatio}:1: refused as a possible ZIP bomb`);
      }
      this.entries.set(entry.name, entry);
      this.all.push(entry);
      pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Inflates every entry (each capped at its declared size, then dropped), so
   * an archive that lies about sizes is refused before another ZIP reader,
   * which trusts them less carefully, gets it. Costs at most maxTotalBytes.
   */
  verifyAll(): void {
    for (const e of this.all) this.inflate(e);
  }

  /** The entry's bytes, inflated with a cap at its declared size; null when absent. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    return e ? this.inflate(e) : null;
  }

  private inflate(e: Entry): Uint8Array {
    const name = e.name;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.localOffset + 30 > this.bytes.byteLength || view.getUint32(e.localOffset, true) !== LOCAL) throw new ParseError(`zip entry ${name}`, 'corrupt ZIP local header');
    const dataStart = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = this.bytes.subarray(dataStart, dataStart + e.compressedSize);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new ParseError(`zip entry ${name}`, `unsupported compression method ${e.method}`);
    let out: Uint8Array;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
    } catch (err) {
      const tooBig = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      if (tooBig) throw new ZipLimitError(`zip entry ${name}`, 'inflates beyond its declared size: refused as a possible ZIP bomb');
      throw new ParseError(`zip entry ${name}`, 'corrupt compressed data');
    }
    if (out.byteLength !== e.size) throw new ParseError(`zip entry ${name}`, 'inflated size differs from the declared size: corrupt or forged archive');
    return out;
  }
}
