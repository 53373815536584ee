import type { Attachment, AttachmentType, MessageKind, Participant } from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import type { SlackDirectory } from './metadata.js';
import type { SlackFile, SlackMessage } from './schema.js';

/** Channel and membership events Slack writes as messages: system lines, without a sender. */
const SYSTEM_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'group_join',
  'group_leave',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
  'bot_enable',
  'bot_disable',
  'app_conversation_join',
  'reminder_add',
  'sh_room_created',
]);

function fileType(file: SlackFile): AttachmentType {
  const mime = file.mimetype ?? '';
  if (mime === 'image/gif') return 'gif';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return mime === '' && file.name == null ? 'other' : 'document';
}

/**
 * Files shared in a message. Slack's own export holds only links; slackdump can put the files
 * in `__uploads/<id>/<name>` or `<channel>/attachments/<id>-<name>`, which are linked when present.
 * Files hidden by the plan's limits have no name.
 */
export function slackAttachments(
  files: SlackFile[] | undefined,
  folder: string,
  root: string,
  paths: EntryPaths,
): Attachment[] {
  return (files ?? []).map((file) => {
    const name = file.name ?? file.title ?? null;
    let pathInExport: string | null = null;
    if (name !== null && file.id) {
      pathInExport =
        paths.resolve(root, `__uploads/${file.id}/${name}`) ??
        paths.resolve(root, `${folder}/attachments/${file.id}-${name}`);
    }
    return { type: fileType(file), fileName: name, pathInExport };
  });
}

/** The sender: a user (named from users.json, else the message's own profile), or a bot. */
export function slackSender(
  m: { user?: string | null | undefined },
  outer: SlackMessage,
  directory: SlackDirectory,
): Participant | null {
  const user = m.user ?? null;
  if (user !== null && user !== '') {
    const profile = outer.user_profile;
    const name =
      directory.users.get(user) ??
      (profile?.display_name || profile?.real_name || profile?.name || user);
    return { id: user, name };
  }
  if (outer.bot_id)
    return { id: outer.bot_id, name: outer.username || outer.bot_profile?.name || outer.bot_id };
  return null;
}

export interface SlackShape {
  kind: MessageKind;
  /** The record whose user/text/files/thread_ts apply (the inner one for edits and deletions). */
  body: {
    user?: string | null | undefined;
    text?: string | null | undefined;
    thread_ts?: string | null | undefined;
    files?: SlackFile[] | undefined;
  };
  edited: boolean;
}

/** What kind of record a day-file element is, and which of its parts carries the message. */
export function slackShape(m: SlackMessage): SlackShape {
  const subtype = m.subtype ?? '';
  if (subtype === 'message_changed' && m.message !== undefined) {
    return { kind: 'message', body: m.message, edited: true };
  }
  if (subtype === 'message_deleted')
    return { kind: 'deleted', body: m.previous_message ?? m, edited: false };
  if (subtype === 'tombstone') return { kind: 'deleted', body: m, edited: m.edited != null };
  if (subtype === 'huddle_thread') return { kind: 'call', body: m, edited: false };
  if (SYSTEM_SUBTYPES.has(subtype)) return { kind: 'system', body: m, edited: false };
  return { kind: 'message', body: m, edited: m.edited != null };
}
