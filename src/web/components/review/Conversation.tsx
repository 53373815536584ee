import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FlagView, MessageView } from '../../api/types.js';
import { messageTime } from '../../lib/format.js';
import { MessageText } from './MessageText.js';

export interface Unmaskings {
  get(ordinal: number): string | undefined;
}

/** Opens the unmasking dialog for a participant; null where unmasking is not offered. */
type Unmask = ((ordinal: number) => void) | null;

function Sender(props: { m: MessageView; names: Unmaskings; onUnmask: Unmask }) {
  const { sender } = props.m;
  if (sender === null) return <span class="sender system">System</span>;
  const name = props.names.get(sender.ordinal);
  const unmask = props.onUnmask;
  if (unmask === null) return <span class="sender">{sender.label}</span>;
  return (
    <button
      type="button"
      class={name === undefined ? 'sender' : 'sender unmasked'}
      title={name === undefined ? 'Unmask: asks for a reason, audited' : 'Unmasked in this session'}
      onClick={() => unmask(sender.ordinal)}
    >
      {sender.label}
      {name !== undefined && <span class="real-name"> · {name}</span>}
    </button>
  );
}

function Message(props: {
  m: MessageView;
  flags: readonly FlagView[];
  currentId: string | null;
  masked: boolean;
  focus: boolean;
  names: Unmaskings;
  onUnmask: Unmask;
  /** Bumped when the space around the conversation changes, to keep the flag in view. */
  keepInView?: number;
}) {
  const { m } = props;
  const ref = useRef<HTMLElement>(null);
  // The flagged message is what the reviewer reads: keep it in view when it or the room changes.
  useLayoutEffect(() => {
    if (props.focus) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [props.focus, m.id, props.keepInView]);
  return (
    <article
      ref={ref}
      class={props.focus ? 'msg focus' : 'msg'}
      aria-current={props.focus ? 'true' : undefined}
      data-seq={m.seq}
    >
      <header>
        <Sender m={m} names={props.names} onUnmask={props.onUnmask} />
        <time dateTime={m.sentAt ?? undefined}>{messageTime(m)}</time>
        {m.edited && <span class="muted">edited</span>}
        {m.kind !== 'message' && <span class="badge muted">{m.kind}</span>}
      </header>
      {m.text === '' ? (
        <p class="text muted">
          (no text{m.attachments.length > 0 ? `: ${m.attachments.length} attachment` : ''})
        </p>
      ) : (
        <MessageText
          text={m.text}
          flags={props.flags}
          currentId={props.currentId}
          masked={props.masked}
        />
      )}
    </article>
  );
}

/** The flagged message in its conversation (Label Studio's dialogue layout, one column). */
export function Conversation(props: {
  message: MessageView;
  before: readonly MessageView[];
  after: readonly MessageView[];
  /** Flags on a message (the one under review and any others on nearby messages). */
  flagsOf(messageId: string): readonly FlagView[];
  currentId: string | null;
  masked: boolean;
  names: Unmaskings;
  onUnmask: Unmask;
  onMore(): void;
  canMore: boolean;
  keepInView?: number;
}) {
  const common = {
    names: props.names,
    onUnmask: props.onUnmask,
    currentId: props.currentId,
    masked: props.masked,
  };
  return (
    <div class="conversation">
      <p class="conv-title muted">
        {props.message.conversationTitle ?? 'Conversation'} · message {props.message.seq + 1}
        {props.message.source.line !== null && `, line ${props.message.source.line}`} of{' '}
        <code>{props.message.source.file || 'the export'}</code>
      </p>
      {props.canMore && (
        <button type="button" class="ghost small more" onClick={props.onMore}>
          Show more around it <kbd>C</kbd>
        </button>
      )}
      {props.before.map((m) => (
        <Message key={m.id} m={m} flags={props.flagsOf(m.id)} focus={false} {...common} />
      ))}
      <Message
        m={props.message}
        flags={props.flagsOf(props.message.id)}
        focus={true}
        keepInView={props.keepInView ?? 0}
        {...common}
      />
      {props.after.map((m) => (
        <Message key={m.id} m={m} flags={props.flagsOf(m.id)} focus={false} {...common} />
      ))}
    </div>
  );
}
