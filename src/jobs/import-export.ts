import { actorId, newId, recordEvent, requireCase } from '../access/index.js';
import {
  type CaseScope,
  ChatscreenError,
  type DateOrder,
  type ExportFormat,
  isInScope,
  type Message,
  type ParseReport,
} from '../domain/index.js';
import { type ReadExportOptions, readExport } from '../ingest/read-export.js';
import type {
  ExportRow,
  NewMessage,
  ParticipantRecord,
  StagedBlob,
  Store,
} from '../store/index.js';
import type { JobsContext } from './jobs-context.js';

export interface ImportInput {
  caseId: string;
  /** The upload, already on local disk and hashed (BlobStore.stage). */
  blob: StagedBlob;
  fileName: string;
  format: ExportFormat | 'auto';
  timezone: string | null;
  dateOrder: DateOrder | null;
}

export interface ImportResult {
  id: string;
  sha256: string;
  byteSize: number;
  format: ExportFormat;
  messageCount: number;
  inScope: number;
  outOfScope: number;
  report: ParseReport;
}

const INSERT_CHUNK = 2000;

/** Checked before the body is read, so a refused caller cannot fill the disk. */
export async function assertCanUpload({
  ctx,
  input,
}: {
  ctx: JobsContext;
  input: { caseId: string };
}): Promise<void> {
  await ctx.store.read((tx) => requireCase(tx, ctx, input.caseId, 'exports.upload'));
}

/**
 * Parses a staged upload into the case. Every message is stored with its in-scope mark (decided
 * once: a case's scope never changes). The export stays `importing`, invisible to every read,
 * until the last message is in; any failure removes it and the staged bytes, so nothing is left
 * half-way. The original bytes are kept by hash before the export becomes ready.
 */
export async function importExport({
  ctx,
  input,
}: {
  ctx: JobsContext;
  input: ImportInput;
}): Promise<ImportResult> {
  const { blob } = input;
  try {
    const { caseRecord } = await ctx.store.read((tx) =>
      requireCase(tx, ctx, input.caseId, 'exports.upload'),
    );
    const duplicate = await ctx.store.read((tx) =>
      tx.exports.findReadyBySha256(caseRecord.id, blob.sha256),
    );
    if (duplicate !== null) {
      throw new ChatscreenError(
        'conflict',
        `these exact bytes are already export ${duplicate.id} of this case`,
      );
    }
    const exportId = newId('x');
    const row: ExportRow = {
      id: exportId,
      caseId: caseRecord.id,
      status: 'importing',
      sha256: blob.sha256,
      byteSize: blob.size,
      fileName: input.fileName,
      format: null,
      variant: null,
      timezone: input.timezone ?? 'UTC',
      dateOrder: input.dateOrder,
      report: null,
      messageCount: 0,
      inScopeCount: 0,
      createdAt: ctx.now().toISOString(),
      createdBy: actorId(ctx.actor),
    };
    await ctx.store.transaction((tx) => tx.exports.insert(row));
    try {
      return await parseInto(ctx, input, row, caseRecord.scope);
    } catch (error) {
      await ctx.store.transaction((tx) => tx.exports.discard(exportId));
      throw error;
    }
  } catch (error) {
    await blob.discard();
    throw error;
  }
}

async function parseInto(
  ctx: JobsContext,
  input: ImportInput,
  row: ExportRow,
  scope: CaseScope,
): Promise<ImportResult> {
  const options: ReadExportOptions = {
    format: input.format,
    exportId: row.id,
    dateOrder: input.dateOrder,
  };
  if (input.timezone !== null) options.timezone = input.timezone;
  const reading = await readExport(input.blob.localPath, options);
  const participants = new Participants(row.id);
  let chunk: NewMessage[] = [];
  let messageCount = 0;
  let inScopeCount = 0;
  for await (const message of reading.messages) {
    const inScope = isInScope(scope, {
      senderId: message.sender?.id ?? null,
      senderName: message.sender?.name ?? null,
      sentAt: message.sentAt,
    });
    participants.see(message, inScope);
    chunk.push(toNewMessage(message, inScope));
    messageCount += 1;
    if (inScope) inScopeCount += 1;
    if (chunk.length >= INSERT_CHUNK) {
      await insertChunk(ctx.store, row.id, chunk);
      chunk = [];
    }
  }
  await insertChunk(ctx.store, row.id, chunk);
  const record = reading.record();
  await input.blob.commit();
  await ctx.store.transaction(async (tx) => {
    await requireCase(tx, ctx, row.caseId, 'exports.upload');
    await tx.messages.insertParticipants(participants.records());
    await tx.exports.markReady(row.id, {
      report: record.report,
      format: record.format,
      variant: record.variant,
      dateOrder: record.dateOrder,
      messageCount,
      inScopeCount,
    });
    await recordEvent(tx, ctx, {
      action: 'export.uploaded',
      caseId: row.caseId,
      subject: { type: 'export', id: row.id },
      details: {
        sha256: row.sha256,
        bytes: row.byteSize,
        format: record.format,
        messages: messageCount,
        outOfScope: messageCount - inScopeCount,
      },
    });
  });
  return {
    id: row.id,
    sha256: row.sha256,
    byteSize: row.byteSize,
    format: record.format,
    messageCount,
    inScope: inScopeCount,
    outOfScope: messageCount - inScopeCount,
    report: record.report,
  };
}

async function insertChunk(
  store: Store,
  exportId: string,
  chunk: readonly NewMessage[],
): Promise<void> {
  if (chunk.length === 0) return;
  await store.transaction((tx) => tx.messages.insertMany(exportId, chunk));
}

function toNewMessage(message: Message, inScope: boolean): NewMessage {
  return {
    id: message.id,
    sourceId: message.sourceId,
    seq: message.seq,
    conversationId: message.conversation.id,
    conversationTitle: message.conversation.title,
    senderId: message.sender?.id ?? null,
    sentAt: message.sentAt,
    sentAtLocal: message.sentAtLocal,
    kind: message.kind,
    text: message.text,
    attachments: message.attachments,
    edited: message.edited,
    replyTo: message.replyTo,
    source: message.source,
    inScope,
  };
}

/** Pseudonym ordinals: 1, 2, 3... in order of first in-scope appearance; none for the rest. */
class Participants {
  private readonly byId = new Map<string, { name: string; ordinal: number | null }>();
  private next = 1;

  constructor(private readonly exportId: string) {}

  see(message: Message, inScope: boolean): void {
    if (message.sender === null) return;
    const known = this.byId.get(message.sender.id);
    if (known === undefined) {
      this.byId.set(message.sender.id, {
        name: message.sender.name,
        ordinal: inScope ? this.next++ : null,
      });
    } else if (known.ordinal === null && inScope) {
      known.ordinal = this.next++;
    }
  }

  records(): ParticipantRecord[] {
    return [...this.byId].map(([participantId, p]) => ({
      exportId: this.exportId,
      participantId,
      name: p.name,
      ordinal: p.ordinal,
    }));
  }
}
