import { messageIdFor, participantIdFromName, type SourceLocation } from '../../domain/index.js';
import type { ZoneConverter } from '../time/zoned.js';
import type { ImportContext, ImportedMessage } from '../types.js';
import { readIsoTime } from './iso-time.js';

/** The fields a generic record may have, as read from a JSON line or a CSV row. */
export interface GenericFields {
  id: unknown;
  text: unknown;
  sender?: unknown;
  sentAt?: unknown;
  conversation?: unknown;
}

export const GENERIC_FIELDS = ['id', 'text', 'sender', 'sentAt', 'conversation'] as const;

/** Ids remembered for the duplicate check; past this the check stops (and says so) to bound memory. */
const MAX_TRACKED_IDS = 250_000;

/** Per-file state of a generic import: the duplicate-id check and the record ordinal. */
export class GenericFile {
  private readonly ids = new Set<string>();
  private trackingStopped = false;
  ordinal = 0;

  constructor(
    private readonly context: ImportContext,
    private readonly zone: ZoneConverter,
    private readonly file: string,
  ) {}

  /** A message, or null after reporting why the record cannot be one. Counts the ordinal either way. */
  toMessage(fields: GenericFields, location: SourceLocation): ImportedMessage | null {
    const { report, exportId } = this.context;
    const ordinal = this.ordinal;
    this.ordinal += 1;
    const id =
      typeof fields.id === 'number' && Number.isSafeInteger(fields.id)
        ? String(fields.id)
        : fields.id;
    if (typeof id !== 'string' || id === '') {
      report.skip('missing_id', 'the record has no `id` (a non-empty string or integer)', location);
      return null;
    }
    if (typeof fields.text !== 'string') {
      report.skip('missing_text', 'the record has no `text` string', location);
      return null;
    }
    this.checkDuplicate(id, location);
    const sender = optionalString(fields.sender);
    const conversation = optionalString(fields.conversation);
    let sentAt: string | null = null;
    let sentAtLocal: string | null = null;
    const time = optionalString(fields.sentAt);
    if (time !== null) {
      const read = readIsoTime(time, this.zone);
      if (read === null) {
        report.warn(
          'unreadable_time',
          '`sentAt` is not an ISO-8601 date and time; kept without a time',
          location,
        );
      } else {
        ({ sentAt, sentAtLocal } = read);
        if (read.resolution !== 'exact') {
          report.warn(
            `time_${read.resolution}`,
            read.resolution === 'gap'
              ? 'the local time does not exist in the case zone (clocks went forward)'
              : 'the local time happened twice in the case zone (clocks went back); the earlier was taken',
            location,
          );
        }
      }
    }
    if (
      fields.sender !== undefined &&
      fields.sender !== null &&
      typeof fields.sender !== 'string'
    ) {
      report.warn('unreadable_sender', '`sender` is not a string; kept without a sender', location);
    }
    return {
      id: messageIdFor(exportId, this.file, ordinal),
      sourceId: id,
      exportId,
      conversation:
        conversation === null
          ? { id: 'default', title: null }
          : { id: `c:${conversation}`, title: conversation },
      seq: 0,
      sender: sender === null ? null : { id: participantIdFromName(sender), name: sender },
      sentAt,
      sentAtLocal,
      kind: 'message',
      text: fields.text,
      attachments: [],
      edited: false,
      replyTo: null,
      source: location,
    };
  }

  private checkDuplicate(id: string, location: SourceLocation): void {
    if (this.trackingStopped) return;
    if (this.ids.has(id)) {
      this.context.report.warn(
        'duplicate_id',
        'another record in this file has the same `id`',
        location,
      );
      return;
    }
    this.ids.add(id);
    if (this.ids.size >= MAX_TRACKED_IDS) {
      this.trackingStopped = true;
      this.ids.clear();
      this.context.report.warn(
        'duplicate_check_stopped',
        `duplicate ids are checked among the first ${MAX_TRACKED_IDS} records only`,
        location,
      );
    }
  }
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
