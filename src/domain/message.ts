/**
 * The message model: what every importer yields and everything downstream consumes.
 *
 * Offsets into `text` are UTF-16 code units (JavaScript string indices), end exclusive
 * (GUIDE §3). `text` is exactly what the export holds after decoding its own escaping
 * (JSON escapes, XML entities, Slack markup, mojibake repair); it is never Unicode-normalised.
 */

export const MESSAGE_KINDS = [
  'message',
  'system',
  'media',
  'location',
  'contact',
  'poll',
  'call',
  'deleted',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const ATTACHMENT_TYPES = [
  'image',
  'video',
  'audio',
  'gif',
  'sticker',
  'document',
  'contact',
  'location',
  'other',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface Attachment {
  type: AttachmentType;
  /** File name as the export names it; null when the export only says "media omitted". */
  fileName: string | null;
  /** Path of the attached file inside the export when it is present there, else null. */
  pathInExport: string | null;
}

/** Where a record came from: enough to find its exact bytes in the kept original. */
export interface SourceLocation {
  /** Path of the file inside the export ('' when the export is a single file). */
  file: string;
  /** Byte offset of the record's first byte within that file. */
  byteOffset: number;
  /** Length in bytes of the record within that file. */
  byteLength: number;
  /** 1-based line of the record's first byte, where the format is line-oriented or it was counted. */
  line: number | null;
}

export interface Participant {
  /** Stable within the export: the platform's id where it has one, else derived from the name. */
  id: string;
  /** Display name exactly as exported. */
  name: string;
}

export interface Conversation {
  id: string;
  title: string | null;
}

export interface Message {
  /** Deterministic: the same export always yields the same ids (see ids.ts). */
  id: string;
  /**
   * The message's id in the source, where the format has one (generic `id`, Telegram and
   * Discord ids, Slack `channel/ts`, Messenger's ids, SMS ids when present), exactly as written
   * there; null where it has none (WhatsApp). Not unique across an export's conversations.
   */
  sourceId: string | null;
  exportId: string;
  conversation: Conversation;
  /** Position in the source order across the whole export, from 0. */
  seq: number;
  /** null for system lines. */
  sender: Participant | null;
  /** ISO-8601 instant in UTC (`...Z`), null when the source gives no time. */
  sentAt: string | null;
  /** Wall-clock time as written in the source, ISO-8601 without zone (`2021-03-04T21:15:07`). */
  sentAtLocal: string | null;
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  edited: boolean;
  /** Id (as yielded by the same import) of the message this one replies to, where the format says. */
  replyTo: string | null;
  source: SourceLocation;
}
