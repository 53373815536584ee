import { createHash, hash } from 'node:crypto';

/**
 * Deterministic message ids: a function of the export id, the file inside the export and the
 * record's ordinal within that file, so re-importing the same bytes always yields the same ids
 * (replays and reports depend on it), whatever options change the parsed content.
 *
 * The id is `m_` + the first 16 base64url characters (96 bits) of SHA-256(`exportId NUL file`),
 * then `.` and the ordinal in decimal: `m_Xp3v9QkT0bWcRz1A.1204`. One hash per file rather than
 * one per message, because a per-message SHA-256 was a tenth of a large import's time; the
 * prefix has a fixed length and the ordinal follows a `.` (not a base64url character), so two
 * (export, file, ordinal) triples give the same id only if their prefixes collide.
 */
export function messageIdFor(exportId: string, file: string, ordinalInFile: number): string {
  if (exportId !== memo.exportId || file !== memo.file) {
    memo.prefix = messageIdPrefix(exportId, file);
    memo.exportId = exportId;
    memo.file = file;
  }
  return messageIdAt(memo.prefix, ordinalInFile);
}

/** What every id of one file's messages starts with: `m_`, the 16 characters and the dot. */
export function messageIdPrefix(exportId: string, file: string): string {
  return `m_${hash('sha256', `${exportId}\u0000${file}`, 'base64url').slice(0, 16)}.`;
}

/** The id of the message with this ordinal, given its file's `messageIdPrefix`. */
export function messageIdAt(prefix: string, ordinalInFile: number): string {
  return prefix + ordinalInFile;
}

/** "000" to "999": the last three digits of an ordinal past 999. */
const LOW3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `messageIdAt` for one file's ordinals, cheaper on a hot path: the digits above the last three
 * are converted once per thousand ordinals, the last three come from a table.
 */
export class FileMessageIds {
  private thousands = -1;
  private stem = '';

  constructor(private readonly prefix: string) {}

  at(ordinalInFile: number): string {
    if (ordinalInFile < 1000 || !Number.isSafeInteger(ordinalInFile)) {
      return messageIdAt(this.prefix, ordinalInFile);
    }
    const thousands = Math.floor(ordinalInFile / 1000);
    if (thousands !== this.thousands) {
      this.thousands = thousands;
      this.stem = this.prefix + thousands;
    }
    return this.stem + (LOW3[ordinalInFile - thousands * 1000] ?? '');
  }
}

/** Importers number one file's records in turn: the last file's prefix is kept. */
const memo = { exportId: '', file: '', prefix: '' };
memo.prefix = messageIdPrefix(memo.exportId, memo.file);

/** Export id derived from the bytes: what the CLI uses when no store assigns one. */
export function exportIdFromSha256(sha256: string): string {
  return `x_${sha256.slice(0, 24)}`;
}

/** A participant id derived from a display name, for formats without platform ids. */
export function participantIdFromName(name: string): string {
  const digest = createHash('sha256').update(name).digest('base64url');
  return `p_${digest.slice(0, 16)}`;
}
