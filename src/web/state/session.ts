/**
 * What the page remembers. The token and the purposes stated for cases live in sessionStorage:
 * they end with the tab, and nothing sensitive outlives the session. Display preferences (masking)
 * are not sensitive and persist in localStorage.
 */
const TOKEN = 'chatscreen.token';
const PURPOSE = 'chatscreen.purpose.';
const PREFS = 'chatscreen.prefs';

export function loadToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN, token);
}

/** Signing out forgets the token and every purpose stated in this session. */
export function clearSession(): void {
  sessionStorage.clear();
}

export function loadPurpose(caseId: string): string | null {
  return sessionStorage.getItem(PURPOSE + caseId);
}

export function savePurpose(caseId: string, purpose: string): void {
  sessionStorage.setItem(PURPOSE + caseId, purpose);
}

export interface Prefs {
  /** Hide flagged words until revealed (reviewer wellbeing). */
  maskFlagged: boolean;
}

export function loadPrefs(): Prefs {
  try {
    const raw = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Partial<Prefs>;
    return { maskFlagged: raw.maskFlagged === true };
  } catch {
    return { maskFlagged: false };
  }
}

export function savePrefs(prefs: Prefs): void {
  localStorage.setItem(PREFS, JSON.stringify(prefs));
}
