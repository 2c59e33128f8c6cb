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

  constructor(
    private readonly bytes: Uint8Array,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    const count = view.getUint16(eocd + 10, true);
    let pos = view.getUint32(eocd + 16, true);
    if (count === 0xffff || pos === 0xffffffff) throw new ParseError('file', 'ZIP64 archives are not accepted for documents');
    if (count > limits.maxEntries) throw new ParseError('file', `the archive has ${count} entries; at most ${limits.maxEntries} are accepted`);
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
        throw new ParseError(`zip entry ${entry.name}`, `uncompressed content exceeds ${limits.maxTotalBytes / 1048576} MB: refused as a possible ZIP bomb`);
      }
      if (entry.size > 1024 * 1024 && entry.size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        throw new ParseError(`zip entry ${entry.name}`, `compression ratio ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}:1 is beyond ${limits.maxRatio}:1: refused as a possible ZIP bomb`);
      }
      this.entries.set(entry.name, entry);
      pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated with a cap at its declared size; null when absent. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
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
      throw new ParseError(`zip entry ${name}`, tooBig ? 'inflates beyond its declared size: refused as a possible ZIP bomb' : 'corrupt compressed data');
    }
    if (out.byteLength !== e.size) throw new ParseError(`zip entry ${name}`, 'inflated size differs from the declared size: corrupt or forged archive');
    return out;
  }
}
