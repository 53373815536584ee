import type { AttachmentType } from '../../domain/index.js';

const BY_EXTENSION: Record<string, AttachmentType> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  bmp: 'image',
  heic: 'image',
  gif: 'gif',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  mkv: 'video',
  mp3: 'audio',
  ogg: 'audio',
  wav: 'audio',
  m4a: 'audio',
  flac: 'audio',
  opus: 'audio',
};

/** Attachment type from a file name's extension, for exports that carry no media type (Discord, Messenger). */
export function attachmentTypeOf(fileName: string): AttachmentType {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return BY_EXTENSION[extension] ?? 'document';
}
