/**
 * The key that groups an SMS conversation: the address without the punctuation phones add
 * (`+43 681-231 (4123)` and `+436812314123` are one conversation). A leading `+` is kept; no
 * country code is guessed, so `0681…` and `+43681…` stay apart. The original is kept for display.
 */
export function normalisePhone(address: string): string {
  const trimmed = address.trim();
  const digitsOnly = trimmed.replace(/[\s\-().\u00a0\u2000-\u200f\u202f]/g, '');
  return digitsOnly === '' ? trimmed : digitsOnly;
}

/** MMS group addresses are `~`-separated; the conversation is the set of them. */
export function conversationKey(address: string): string {
  const parts = address
    .split('~')
    .map(normalisePhone)
    .filter((p) => p !== '');
  return [...new Set(parts)].sort().join(',');
}
