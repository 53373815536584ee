import {
  type Attachment,
  type Conversation,
  messageIdFor,
  type Participant,
} from '../../domain/index.js';
import type { ParseReportBuilder } from '../report.js';
import { formatUtc, formatWallTime, wallTimeAt, type ZoneConverter } from '../time/zoned.js';
import type { ImportContext, ImportedMessage } from '../types.js';
import { attachmentType, epochMs, present } from './fields.js';
import { conversationKey, normalisePhone } from './phone.js';
import type { XmlElement, XmlNode } from './xml-elements.js';

/** The phone's owner: the sender of everything in the sent, outbox, draft and failed boxes. */
export const OWNER: Participant = { id: 'me', name: 'me' };

// <sms type>: 1 inbox, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued. <mms msg_box>: 1-4 alike.
const RECEIVED = '1';
const OWNER_BOXES = new Set(['2', '3', '4', '5', '6']);
const NEVER_SENT: Record<string, string> = { '3': 'draft', '5': 'failed', '6': 'queued' };
// <addr type> 137 is PduHeaders.FROM.
const FROM = '137';

export interface RecordContext {
  context: ImportContext;
  zone: ZoneConverter;
  file: string;
  ordinal: number;
  /** First title seen per conversation, so that every message of one conversation shares it. */
  titles: Map<string, string | null>;
}

/** One `<sms>` or `<mms>` as a message; null (and a report entry) when it cannot be one. */
export function messageFromElement(element: XmlElement, rc: RecordContext): ImportedMessage | null {
  if (element.name === 'sms') return fromSms(element, rc);
  if (element.name === 'mms') return fromMms(element, rc);
  rc.context.report.skip(
    'unsupported_element',
    `<${element.name}> elements are not read`,
    element.location,
  );
  return null;
}

function fromSms(element: XmlElement, rc: RecordContext): ImportedMessage {
  const a = element.attributes;
  const address = a.address ?? '';
  const box = a.type ?? '';
  let text = a.body ?? '';
  const subject = present(a.subject);
  if (subject !== null) text = joinSubject(subject, text, element, rc.context.report);
  return build(element, rc, {
    box,
    address,
    contactName: a.contact_name,
    from: address,
    text,
    attachments: [],
    time: a.date,
    sourceId: null,
  });
}

function fromMms(element: XmlElement, rc: RecordContext): ImportedMessage {
  const a = element.attributes;
  const parts = childrenOf(element, 'parts', 'part');
  const texts: string[] = [];
  const attachments: Attachment[] = [];
  for (const part of parts) {
    const ct = part.attributes.ct ?? '';
    if (ct === 'application/smil') continue; // layout only
    if (ct === 'text/plain') {
      const value = present(part.attributes.text);
      if (value !== null) texts.push(value);
      continue;
    }
    const fileName = present(part.attributes.cl) ?? present(part.attributes.name);
    attachments.push({ type: attachmentType(ct), fileName, pathInExport: null });
  }
  if (texts.length > 1) {
    rc.context.report.warn(
      'mms_text_parts_joined',
      `${texts.length} text parts joined with line feeds`,
      element.location,
    );
  }
  let text = texts.join('\n');
  const subject = present(a.sub);
  if (subject !== null) text = joinSubject(subject, text, element, rc.context.report);
  const from = childrenOf(element, 'addrs', 'addr').find((addr) => addr.attributes.type === FROM);
  return build(element, rc, {
    box: a.msg_box ?? '',
    address: a.address ?? '',
    contactName: a.contact_name,
    from: from?.attributes.address ?? a.address ?? '',
    text,
    attachments,
    time: a.date,
    sourceId: present(a.m_id),
  });
}

interface Fields {
  box: string;
  address: string;
  contactName: string | undefined;
  /** For received messages: who sent it. */
  from: string;
  text: string;
  attachments: Attachment[];
  time: string | undefined;
  /** MMS `m_id` (the Message-ID); SMS Backup & Restore writes no id for an SMS. */
  sourceId: string | null;
}

function build(element: XmlElement, rc: RecordContext, f: Fields): ImportedMessage {
  const { report, exportId } = rc.context;
  const contact = present(f.contactName);
  const knownContact = contact !== null && contact !== '(Unknown)' ? contact : null;
  const key = conversationKey(f.address);
  const id = `sms:${key}`;
  if (!rc.titles.has(id)) rc.titles.set(id, knownContact ?? (f.address === '' ? null : f.address));
  const conversation: Conversation = { id, title: rc.titles.get(id) ?? null };
  if (key === '') report.warn('missing_address', 'the message has no address', element.location);
  let sender: Participant | null;
  if (f.box === RECEIVED) {
    const number = normalisePhone(f.from);
    sender = {
      id: `tel:${number}`,
      name: f.address.includes('~') ? f.from : (knownContact ?? f.from),
    };
  } else if (OWNER_BOXES.has(f.box)) {
    sender = OWNER;
    const state = NEVER_SENT[f.box];
    if (state !== undefined) {
      report.warn(
        'not_sent',
        `the message is marked ${state}; it may never have been sent`,
        element.location,
      );
    }
  } else {
    sender = null;
    report.warn(
      'unknown_direction',
      'the message has no known box (sent or received)',
      element.location,
    );
  }
  const ms = epochMs(f.time);
  if (ms === null)
    report.warn('missing_time', 'the message has no readable date', element.location);
  return {
    id: messageIdFor(exportId, rc.file, rc.ordinal),
    sourceId: f.sourceId,
    exportId,
    conversation,
    seq: 0,
    sender,
    sentAt: ms === null ? null : formatUtc(ms),
    sentAtLocal: ms === null ? null : formatWallTime(wallTimeAt(rc.zone, ms)),
    kind: f.text === '' && f.attachments.length > 0 ? 'media' : 'message',
    text: f.text,
    attachments: f.attachments,
    edited: false,
    replyTo: null,
    source: element.location,
  };
}

/** A subject is content too: kept as the first line of the text, and noted. */
function joinSubject(
  subject: string,
  text: string,
  element: XmlElement,
  report: ParseReportBuilder,
): string {
  report.warn(
    'subject_in_text',
    'the subject is kept as the first line of the text',
    element.location,
  );
  return text === '' ? subject : `${subject}\n${text}`;
}

function childrenOf(node: XmlNode, container: string, name: string): XmlNode[] {
  return node.children
    .filter((c) => c.name === container)
    .flatMap((c) => c.children.filter((g) => g.name === name));
}
