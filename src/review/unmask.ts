import { type ActionContext, recordEvent, requireCase } from '../access/index.js';
import { ChatscreenError, participantLabel } from '../domain/index.js';

export interface Unmasked {
  exportId: string;
  ordinal: number;
  label: string;
  participantId: string;
  name: string;
}

/**
 * Reveals who "Participant N" is, for one person, with a reason that the audit event keeps.
 * Only participants with in-scope messages have a pseudonym, so nobody outside the
 * authorisation can be unmasked.
 */
export async function unmaskParticipant({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { exportId: string; ordinal: number; reason: string };
}): Promise<Unmasked> {
  return ctx.store.transaction(async (tx) => {
    const exportRow = await tx.exports.get(input.exportId);
    if (exportRow === null) throw new ChatscreenError('not_found', 'no such export');
    await requireCase(tx, ctx, exportRow.caseId, 'participants.unmask');
    const participant = await tx.messages.participantInScope(exportRow.id, input.ordinal);
    if (participant === null || participant.ordinal === null) {
      throw new ChatscreenError('not_found', 'no such participant in scope');
    }
    await recordEvent(tx, ctx, {
      action: 'participant.unmasked',
      caseId: exportRow.caseId,
      subject: { type: 'export', id: exportRow.id },
      details: { ordinal: participant.ordinal },
      justification: input.reason,
    });
    return {
      exportId: exportRow.id,
      ordinal: participant.ordinal,
      label: participantLabel(participant.ordinal),
      participantId: participant.participantId,
      name: participant.name,
    };
  });
}
