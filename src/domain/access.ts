/**
 * Who may do what (issue 4). A user has one global role; inside a case they act with the role of
 * their membership, and nobody sees a case they are not a member of.
 */
export const ROLES = ['admin', 'investigator', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_ROLES = ['investigator', 'reviewer', 'auditor'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** Who did something: a person with a token, the local operator at the CLI, or the service itself. */
export type Actor =
  | { kind: 'user'; userId: string; role: Role }
  | { kind: 'operator'; userId: null; role: null; osUser: string }
  | { kind: 'system'; userId: null; role: null };

/** Actions that do not belong to a case. */
export const GLOBAL_PERMISSIONS = {
  'users.manage': ['admin'],
  'users.list': ['admin', 'investigator'],
  'cases.create': ['investigator'],
  'models.read': ['admin', 'investigator', 'reviewer', 'auditor'],
  'audit.read': ['auditor'],
} as const satisfies Record<string, readonly Role[]>;
export type GlobalPermission = keyof typeof GLOBAL_PERMISSIONS;

/**
 * Actions inside a case, by membership role. `open`: refused unless the case is open and its
 * authorisation unexpired (case_not_open). `justify`: reads or discloses message content, so the
 * request must carry a justification, which the audit event records.
 */
export const CASE_PERMISSIONS = {
  'case.read': { roles: ['investigator', 'reviewer', 'auditor'], open: false, justify: false },
  'case.close': { roles: ['investigator'], open: false, justify: false },
  'members.manage': { roles: ['investigator'], open: true, justify: false },
  'exports.upload': { roles: ['investigator'], open: true, justify: false },
  'exports.read': { roles: ['investigator', 'reviewer', 'auditor'], open: false, justify: false },
  'runs.start': { roles: ['investigator'], open: true, justify: false },
  'runs.read': { roles: ['investigator', 'reviewer', 'auditor'], open: false, justify: false },
  'flags.read': { roles: ['investigator', 'reviewer'], open: true, justify: true },
  'decisions.write': { roles: ['reviewer'], open: true, justify: false },
  'participants.unmask': { roles: ['investigator', 'reviewer'], open: true, justify: false },
  'report.read': { roles: ['investigator', 'auditor'], open: true, justify: true },
  'replays.start': { roles: ['investigator', 'auditor'], open: true, justify: false },
  'replays.read': { roles: ['investigator', 'auditor'], open: false, justify: false },
  // Blind second review (QC): investigators draw samples, reviewers other than the first one
  // decide them without seeing the first decision, and every member may see the agreement.
  'qc.sample': { roles: ['investigator'], open: true, justify: false },
  'qc.review': { roles: ['reviewer'], open: true, justify: false },
  'qc.item.read': { roles: ['reviewer'], open: true, justify: true },
  'qc.stats': { roles: ['investigator', 'reviewer', 'auditor'], open: false, justify: false },
} as const satisfies Record<
  string,
  { roles: readonly CaseRole[]; open: boolean; justify: boolean }
>;
export type CasePermission = keyof typeof CASE_PERMISSIONS;

export function hasGlobalPermission(role: Role, permission: GlobalPermission): boolean {
  return (GLOBAL_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function hasCasePermission(role: CaseRole, permission: CasePermission): boolean {
  return (CASE_PERMISSIONS[permission].roles as readonly CaseRole[]).includes(role);
}

/**
 * Which case roles a user's global role allows: an admin is never on a case (sees no content),
 * an investigator may also triage as a reviewer, everyone else only in their own role.
 */
export function canHoldCaseRole(role: Role, caseRole: CaseRole): boolean {
  if (role === 'admin') return false;
  if (role === 'investigator') return caseRole === 'investigator' || caseRole === 'reviewer';
  return role === caseRole;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
