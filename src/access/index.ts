export { authenticate } from './authenticate.js';
export { type CaseAccess, requireCase, requireGlobal } from './authorise.js';
export {
  addMember,
  type CaseInput,
  type CaseView,
  closeCase,
  createCase,
  getCase,
  listCases,
} from './cases.js';
export { type ActionContext, actorId, auditActor, SYSTEM_ACTOR } from './context.js';
export { type EventSpec, recordEvent } from './events.js';
export { hashToken, newId, newToken, TOKEN_PREFIX } from './tokens.js';
export { createUser, disableUser, issueToken, listUsers, type UserView } from './users.js';
