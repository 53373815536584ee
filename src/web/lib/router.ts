/** Hash routes: the page is one document, and a reload keeps the reader where they were. */
export type AuditTab = 'chain' | 'events' | 'models';

export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'review'; runId: string }
  | { name: 'qc'; runId: string }
  | { name: 'replay'; runId: string; replayId: string | null }
  | { name: 'report'; caseId: string }
  | { name: 'audit'; tab: AuditTab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, sub, extra] = parts;
  if (first === 'cases' && id !== undefined) {
    return sub === 'report' ? { name: 'report', caseId: id } : { name: 'case', caseId: id };
  }
  if (first === 'runs' && id !== undefined) {
    if (sub === 'qc') return { name: 'qc', runId: id };
    if (sub === 'replay') return { name: 'replay', runId: id, replayId: extra ?? null };
    return { name: 'review', runId: id };
  }
  if (first === 'audit') {
    const tab = id === 'events' || id === 'models' ? id : 'chain';
    return { name: 'audit', tab };
  }
  return { name: 'cases' };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'cases':
      return '#/';
    case 'case':
      return `#/cases/${e(route.caseId)}`;
    case 'report':
      return `#/cases/${e(route.caseId)}/report`;
    case 'review':
      return `#/runs/${e(route.runId)}`;
    case 'qc':
      return `#/runs/${e(route.runId)}/qc`;
    case 'replay':
      return `#/runs/${e(route.runId)}/replay${route.replayId === null ? '' : `/${e(route.replayId)}`}`;
    case 'audit':
      return `#/audit/${route.tab}`;
  }
}
