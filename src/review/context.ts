import { ChatscreenError } from '../domain/index.js';
import type { StoreTx } from '../store/index.js';
import { type MessageView, messageView } from './views.js';

export interface InContext {
  message: MessageView;
  /** In-scope messages of the same conversation around it, in order (the message excluded). */
  before: MessageView[];
  after: MessageView[];
}

/** A message with up to `n` in-scope messages of its conversation either side. */
export async function messageInContext(
  tx: StoreTx,
  exportId: string,
  messageId: string,
  n: number,
): Promise<InContext> {
  const message = await tx.messages.get(messageId);
  if (message === null) throw new ChatscreenError('not_found', 'the message is not in scope');
  const around = await tx.messages.context(exportId, message.conversationId, message.seq, n, n);
  return {
    message: messageView(message),
    before: around.filter((m) => m.seq < message.seq).map(messageView),
    after: around.filter((m) => m.seq > message.seq).map(messageView),
  };
}
