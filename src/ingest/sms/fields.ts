import type { AttachmentType } from '../../domain/index.js';

/** SMS Backup & Restore writes the string "null" for absent values. */
export function present(value: string | undefined): string | null {
  return value === undefined || value === 'null' || value === '' ? null : value;
}

/** Epoch milliseconds as the app writes them, or null when absent or not a plausible time. */
export function epochMs(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return null;
  const ms = Number(value);
  return ms <= 8.64e15 ? ms : null;
}

export function attachmentType(contentType: string): AttachmentType {
  const ct = contentType.toLowerCase();
  if (ct === 'image/gif') return 'gif';
  if (ct.startsWith('image/')) return 'image';
  if (ct.startsWith('video/')) return 'video';
  if (ct.startsWith('audio/')) return 'audio';
  if (ct === 'text/x-vcard' || ct === 'text/vcard') return 'contact';
  if (ct.startsWith('application/') || ct.startsWith('text/')) return 'document';
  return 'other';
}
