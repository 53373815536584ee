import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-built zip; every field a hostile archive might lie about can be set. */
export interface RawZipEntry {
  name: string | Buffer;
  data?: Buffer;
  /** Bytes written as the entry's data; defaults to `data`, deflated when method is 8. */
  compressed?: Buffer;
  method?: 0 | 8;
  /** What the headers claim; defaults to the truth. */
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  /** Point this entry's central record at another entry's local header (overlap bombs). */
  shareDataWith?: number;
}

/**
 * Writes a zip byte by byte (APPNOTE 4.3), so tests can build what no archiver would: traversal
 * names, backslashes, symlinks, encrypted flags, lying sizes, overlapping entries.
 */
export function buildRawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 0;
    const compressed = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = entry.declaredCrc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = (entry.flags ?? 0) | (typeof entry.name === 'string' ? 0x800 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const localOffset =
      entry.shareDataWith === undefined ? offset : (offsets[entry.shareDataWith] ?? 0);
    offsets.push(localOffset);
    if (entry.shareDataWith === undefined) {
      locals.push(local, name, compressed);
      offset += local.length + name.length + compressed.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.externalAttributes ?? 0) >>> 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
