import type { Attachment, AttachmentType, MessageKind } from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import type { TelegramMessage, TelegramText } from './schema.js';

/** The text people saw: entity texts concatenated exactly, nothing added between them. */
export function plainText(text: TelegramText | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  let out = '';
  for (const part of text) out += typeof part === 'string' ? part : part.text;
  return out;
}

const FILE_TYPES: Record<string, AttachmentType> = {
  sticker: 'sticker',
  voice_message: 'audio',
  audio_file: 'audio',
  video_file: 'video',
  video_message: 'video',
  animation: 'gif',
};

/** Telegram writes this in place of a path when media were not exported. */
function exportedPath(value: string | undefined): string | null {
  if (value === undefined || value === '' || value.startsWith('(')) return null;
  return value;
}

export interface TelegramContent {
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
}

/**
 * Kind, text and attachments of an ordinary (non-service) message. Media keep their caption as
 * text. A poll has no text of its own in the export, so its question and answers (one per line)
 * are its text: that is what the participants read and what must be screened.
 */
export function messageContent(
  m: TelegramMessage,
  paths: EntryPaths,
  baseDir: string,
): TelegramContent {
  const text = plainText(m.text);
  if (m.photo !== undefined) {
    return {
      kind: 'media',
      text,
      attachments: [paths.attachment('image', baseDir, exportedPath(m.photo))],
    };
  }
  if (m.file !== undefined || m.media_type !== undefined) {
    const type = FILE_TYPES[m.media_type ?? ''] ?? 'document';
    const path = exportedPath(m.file);
    const attachment = paths.attachment(type, baseDir, path);
    if (path === null && m.file_name !== undefined) attachment.fileName = m.file_name;
    return { kind: 'media', text, attachments: [attachment] };
  }
  if (m.location_information !== undefined || m.live_location_period_seconds !== undefined) {
    return {
      kind: 'location',
      text,
      attachments: [{ type: 'location', fileName: null, pathInExport: null }],
    };
  }
  if (m.contact_information !== undefined) {
    return {
      kind: 'contact',
      text,
      attachments: [paths.attachment('contact', baseDir, exportedPath(m.contact_vcard))],
    };
  }
  if (m.poll !== undefined) {
    const lines = [m.poll.question ?? '', ...(m.poll.answers ?? []).map((a) => a.text ?? '')];
    return { kind: 'poll', text: text === '' ? lines.join('\n') : text, attachments: [] };
  }
  return { kind: 'message', text, attachments: [] };
}

/** Service actions that are calls keep their caller as sender; every other action is a system line. */
export function isCallAction(action: string | undefined): boolean {
  return action === 'phone_call' || action === 'group_call' || action === 'invite_to_group_call';
}
