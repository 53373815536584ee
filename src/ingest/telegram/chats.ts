import type { Conversation } from '../../domain/index.js';
import type { ArrayStartEvent, FieldEvent } from '../json/events.js';
import { OrdinalIndex } from '../json/ordinal-index.js';
import { formatPath, type PathSegment } from '../json/path.js';

/** Where messages live: a single-chat export, and the chats of a whole-account export. */
export const MESSAGE_ARRAYS = ['messages', 'chats.list[*].messages', 'left_chats.list[*].messages'];

/** Chat metadata, which Telegram Desktop writes before each chat's `messages`. */
export const CHAT_FIELDS = MESSAGE_ARRAYS.flatMap((array) => {
  const chat = array.slice(0, -'messages'.length);
  return ['name', 'id', 'type'].map((field) => `${chat}${field}`);
});

export interface ChatState {
  conversation: Conversation;
  /** Telegram message id → ordinal in the file, for replies (ids are per chat). */
  ids: OrdinalIndex;
}

function chatKey(path: readonly PathSegment[]): string {
  return formatPath(path.slice(0, -1));
}

/**
 * Collects each chat's `name`/`id` as they stream past and turns them into a conversation when
 * the chat's messages begin. Only the current chat's metadata is kept.
 */
export class ChatTracker {
  private readonly pending = new Map<string, Record<string, unknown>>();
  private current: string | null = null;
  lateMetadata = 0;

  noteField(event: FieldEvent): void {
    const key = chatKey(event.path);
    const name = event.path[event.path.length - 1];
    if (typeof name !== 'string') return;
    if (key === this.current) {
      this.lateMetadata++;
      return;
    }
    const meta = this.pending.get(key) ?? {};
    meta[name] = event.value;
    this.pending.set(key, meta);
  }

  begin(event: ArrayStartEvent): ChatState {
    const key = chatKey(event.path);
    const meta = this.pending.get(key) ?? {};
    this.pending.clear();
    this.current = key;
    const id = meta.id;
    const name = meta.name;
    return {
      conversation: {
        id:
          typeof id === 'number' || typeof id === 'string'
            ? String(id)
            : key === ''
              ? 'chat'
              : `chat:${key}`,
        title: typeof name === 'string' ? name : null,
      },
      ids: new OrdinalIndex(),
    };
  }
}
