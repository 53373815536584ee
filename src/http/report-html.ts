import type { CaseReport } from '../review/index.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
.hash{font-family:ui-monospace,monospace;word-break:break-all}.flag{border:1px solid #888;margin:1.5rem 0;padding:1rem}
.source{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}mark{background:#ffe08a}
.machine{border-left:4px solid #6b7fa8;padding-left:.75rem;margin:.75rem 0}
.human{border-left:4px solid #2f7d4f;padding-left:.75rem;margin:.75rem 0}
.note{background:#fff6d6;padding:.5rem 1rem}`;

function source(flag: CaseReport['reviewedFlags'][number]): string {
  const { text } = flag.message;
  const { start, end } = flag.machine;
  return `${escapeHtml(text.slice(0, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`;
}

type Decision = CaseReport['reviewedFlags'][number]['human'][number];
type Message = CaseReport['reviewedFlags'][number]['message'];
type Proportion = { count: number; total: number; low: number | null; high: number | null };

function decisionList(decisions: readonly Decision[]): string {
  const items = decisions
    .map(
      (d) =>
        `<li><strong>${escapeHtml(d.outcome)}</strong>: ${escapeHtml(d.reason)} <small>(${escapeHtml(d.decidedBy)}, ${escapeHtml(d.decidedAt)})</small></li>`,
    )
    .join('');
  return `<ol>${items}</ol>`;
}

function provenance(m: Message): string {
  return `<p>${escapeHtml(m.sender?.label ?? 'System')} · ${escapeHtml(m.sentAt ?? 'no time')} · message ${escapeHtml(m.id)}${m.sourceId === null ? '' : ` (source id ${escapeHtml(m.sourceId)})`} (file "${escapeHtml(m.source.file)}", byte ${escapeHtml(m.source.byteOffset)}${m.source.line === null ? '' : `, line ${escapeHtml(m.source.line)}`})</p>`;
}

function proportion(p: Proportion): string {
  if (p.total === 0) return 'none reviewed';
  const interval =
    p.low === null || p.high === null
      ? ''
      : ` (95% interval ${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}%)`;
  return `${p.count} of ${p.total}${interval}`;
}

function secondReviewCell(stats: CaseReport['runs'][number]['secondReview']): string {
  if (stats === null) return 'none drawn';
  return `agreement ${proportion(stats.flags.agreement)}; overturned ${proportion(stats.flags.overturn)}; unflagged found relevant ${proportion(stats.unflagged.missed)}`;
}

function flagSection(flag: CaseReport['reviewedFlags'][number]): string {
  const second =
    flag.secondReview.length === 0
      ? ''
      : `<div class="human"><h4>Blind second review (made without seeing the decisions above)</h4>${decisionList(flag.secondReview)}</div>`;
  return `<section class="flag" id="${escapeHtml(flag.flagId)}">
<h3>Flag ${escapeHtml(flag.flagId)}</h3>
${provenance(flag.message)}
<div class="source">${source(flag)}</div>
<div class="machine"><h4>Machine output (not a finding)</h4>
<p>Category <strong>${escapeHtml(flag.machine.category)}</strong>, calibrated score ${escapeHtml(flag.machine.score.toFixed(3))}, characters ${escapeHtml(flag.machine.start)}–${escapeHtml(flag.machine.end)} (UTF-16), model ${escapeHtml(flag.machine.model.id)} <span class="hash">${escapeHtml(flag.machine.model.sha256)}</span></p></div>
<div class="human"><h4>Human decisions</h4>${decisionList(flag.human)}</div>
${second}</section>`;
}

function unflaggedSection(found: CaseReport['unflaggedFoundRelevant'][number]): string {
  return `<section class="flag" id="${escapeHtml(found.message.id)}">
<h3>Message ${escapeHtml(found.message.id)} (run ${escapeHtml(found.runId)}, not flagged by the model)</h3>
${provenance(found.message)}
<div class="source">${escapeHtml(found.message.text)}</div>
<div class="human"><h4>Blind second review</h4>${decisionList(found.secondReview)}</div>
</section>`;
}

/** The report as a standalone page: everything escaped, no scripts, no external resources. */
export function renderReportHtml(report: CaseReport): string {
  const c = report.case;
  const exports = report.exports
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.fileName)}</td><td class="hash">${escapeHtml(e.sha256)}</td><td>${escapeHtml(e.format)}</td><td>${escapeHtml(e.byteSize)}</td><td>${escapeHtml(e.messageCount)} (${escapeHtml(e.inScope)} in scope, ${escapeHtml(e.outOfScope)} out)</td><td>${escapeHtml(e.parseReport?.skippedTotal ?? 0)} skipped, ${escapeHtml(e.parseReport?.warningsTotal ?? 0)} warnings</td><td>${escapeHtml(e.uploadedAt)} by ${escapeHtml(e.uploadedBy)}</td></tr>`,
    )
    .join('');
  const runs = report.runs
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.purpose)}</td><td>${escapeHtml(r.model.id)}</td><td class="hash">${escapeHtml(r.model.sha256)}</td><td>${escapeHtml(r.status)}</td><td>${escapeHtml(secondReviewCell(r.secondReview))}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case report ${escapeHtml(c.reference)}</title><style>${STYLE}</style></head>
<body><h1>Case report ${escapeHtml(c.reference)}</h1>
<p class="note">Machine flags are prompts for human review, not findings. Only the human decisions below are decisions. This report contains no score or count per person.</p>
<p>Generated ${escapeHtml(report.generatedAt)}.</p>
<h2>Authorisation</h2>
<table><tr><th>Legal basis</th><td>${escapeHtml(c.legalBasis)}</td></tr><tr><th>Authorised by</th><td>${escapeHtml(c.authorisedBy)}</td></tr>
<tr><th>Scope</th><td>participants: ${escapeHtml(c.scope.participants?.join(', ') ?? 'all')}; from ${escapeHtml(c.scope.from ?? 'any time')} to ${escapeHtml(c.scope.to ?? 'any time')}</td></tr>
<tr><th>Expires</th><td>${escapeHtml(c.expiresAt)}</td></tr><tr><th>Status</th><td>${escapeHtml(c.status)}</td></tr></table>
<h2>Exports (provenance)</h2>
<table><tr><th>File</th><th>SHA-256 of the bytes as received</th><th>Format</th><th>Bytes</th><th>Messages</th><th>Parse report</th><th>Uploaded</th></tr>${exports}</table>
<h2>Runs and model versions</h2>
<table><tr><th>Run</th><th>Purpose</th><th>Model</th><th>Package SHA-256</th><th>Status</th><th>Blind second review</th></tr>${runs}</table>
<h2>Reviewed flags (${report.reviewedFlags.length})</h2>
${report.reviewedFlags.map(flagSection).join('\n')}
<h2>Unflagged messages a second reviewer found relevant (${report.unflaggedFoundRelevant.length})</h2>
${report.unflaggedFoundRelevant.map(unflaggedSection).join('\n')}
</body></html>`;
}
