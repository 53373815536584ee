import type { CaseRecord, ParseReport } from '../../../src/domain/index.js';
import type { NewMessage, RunRecord, UserRecord } from '../../../src/store/index.js';

/** Small record builders shared by the contract suites and service tests. */
export const NOW = '2024-05-01T10:00:00.000Z';

export function user(id: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    name: `user ${id}`,
    role: 'investigator',
    disabled: false,
    createdAt: NOW,
    ...overrides,
  };
}

export function caseRecord(id: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    reference: `REF-${id}`,
    legalBasis: 'DPA 2018 s.35',
    authorisedBy: 'DI Example',
    scope: { participants: null, from: null, to: null },
    expiresAt: '2099-01-01T00:00:00.000Z',
    status: 'open',
    createdAt: NOW,
    createdBy: 'u1',
    ...overrides,
  };
}

export function message(
  exportId: string,
  seq: number,
  overrides: Partial<NewMessage> = {},
): NewMessage {
  return {
    id: `${exportId}-m${seq}`,
    sourceId: String(seq + 100),
    seq,
    conversationId: 'conv1',
    conversationTitle: 'Group',
    senderId: 'p_a',
    sentAt: `2024-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    sentAtLocal: null,
    kind: 'message',
    text: `text ${seq}`,
    attachments: [],
    edited: false,
    replyTo: null,
    source: { file: '', byteOffset: seq * 10, byteLength: 10, line: seq + 1 },
    inScope: true,
    ...overrides,
  };
}

export function run(id: string, exportId: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    caseId: 'c1',
    exportId,
    purpose: 'screen',
    baseRunId: null,
    model: { id: 'model-a', sha256: 'a'.repeat(64) },
    batchSize: 2,
    batchCount: 0,
    batchesDone: 0,
    screened: 0,
    flagCount: 0,
    totals: { messages: 0, inScope: 0, outOfScope: 0, screenable: 0 },
    status: 'queued',
    error: null,
    createdAt: NOW,
    createdBy: 'u1',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

export function parseReport(messageCount: number, participantCount = 1): ParseReport {
  return {
    messageCount,
    countsByKind: {
      message: messageCount,
      system: 0,
      media: 0,
      location: 0,
      contact: 0,
      poll: 0,
      call: 0,
      deleted: 0,
    },
    conversationCount: 1,
    participantCount,
    skipped: [],
    skippedTotal: 0,
    warnings: [],
    warningsTotal: 0,
    outOfOrder: 0,
    files: [],
  };
}

/** A promise and the function that resolves it: tests hold batches at a gate with it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
