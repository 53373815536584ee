import type { Attachment, AttachmentType, MessageKind } from '../../domain/index.js';
import { baseName, dirName, type EntryPaths } from '../json/entries.js';
import { attachmentTypeOf } from '../json/media-type.js';
import type { MojibakeRepairer } from './mojibake.js';
import type { ClassicMessage, E2eeMessage } from './schema.js';

/** What the importer needs of a record, whichever schema it came in. */
export interface MessengerRecord {
  /** The record's own id (`message_id`/`id`, E2EE `id`/`messageId`), where it has one. */
  sourceId: string | null;
  senderName: string | null;
  epochMs: number;
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
}

export interface MediaContext {
  paths: EntryPaths;
  /** The export root (holds `messages/`): classic URIs are relative to it. */
  root: string;
  /** The JSON file's own path: E2EE URIs (`./media/x.jpg`) are relative to its folder. */
  file: string;
}

function media(
  type: AttachmentType | null,
  uri: string | null | undefined,
  m: MediaContext,
  repair: MojibakeRepairer,
): Attachment {
  const reference = repair.optional(uri);
  if (reference === null || reference === '')
    return { type: type ?? 'other', fileName: null, pathInExport: null };
  return {
    type: type ?? attachmentTypeOf(reference),
    fileName: baseName(reference),
    // Older exports write URIs from the export root's parent (`messages/inbox/...`), newer ones
    // from the top (`your_facebook_activity/messages/...`), E2EE ones from the JSON file's folder.
    pathInExport:
      m.paths.resolve(m.root, reference) ??
      m.paths.resolve('', reference) ??
      m.paths.resolve(dirName(m.file), reference),
  };
}

/** Subscribe/Unsubscribe are "X added Y" / "X left the chat" lines. */
const SYSTEM_TYPES = new Set(['Subscribe', 'Unsubscribe']);

function kindOf(
  type: string | null | undefined,
  unsent: boolean,
  attachments: Attachment[],
): MessageKind {
  if (unsent) return 'deleted';
  if (type === 'Call') return 'call';
  if (type && SYSTEM_TYPES.has(type)) return 'system';
  return attachments.length > 0 ? 'media' : 'message';
}

/**
 * A classic record. Photos, videos, audio, GIFs, files and stickers become attachments; a shared
 * link is an `other` attachment named by its URL. Unsent messages are kept as `deleted` (evidence
 * that something was sent), with whatever text the export still holds.
 */
export function classicRecord(
  m: ClassicMessage,
  media_: MediaContext,
  repair: MojibakeRepairer,
): MessengerRecord {
  const lists: [AttachmentType, ClassicMessage['photos']][] = [
    ['image', m.photos],
    ['video', m.videos],
    ['audio', m.audio_files],
    ['gif', m.gifs],
    ['document', m.files],
  ];
  const attachments = lists.flatMap(([type, list]) =>
    (list ?? []).map((item) => media(type, item.uri, media_, repair)),
  );
  if (m.sticker) attachments.push(media('sticker', m.sticker.uri, media_, repair));
  if (m.share?.link)
    attachments.push({ type: 'other', fileName: repair.text(m.share.link), pathInExport: null });
  return {
    sourceId: idText(m.message_id ?? m.id),
    senderName: repair.optional(m.sender_name),
    epochMs: m.timestamp_ms,
    kind: kindOf(m.type, m.is_unsent === true, attachments),
    text: repair.optional(m.content) ?? '',
    attachments,
  };
}

/** An E2EE record: `media` entries typed by their file extension. */
export function e2eeRecord(
  m: E2eeMessage,
  media_: MediaContext,
  repair: MojibakeRepairer,
): MessengerRecord {
  const attachments = (m.media ?? []).map((item) => media(null, item.uri, media_, repair));
  return {
    sourceId: idText(m.id ?? m.messageId),
    senderName: repair.optional(m.senderName),
    epochMs: m.timestamp,
    kind: kindOf(m.type, m.isUnsent === true, attachments),
    text: repair.optional(m.text) ?? '',
    attachments,
  };
}

function idText(id: string | number | null | undefined): string | null {
  if (typeof id === 'number') return Number.isFinite(id) ? String(id) : null;
  return id === undefined || id === null || id === '' ? null : id;
}
