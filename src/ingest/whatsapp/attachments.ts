import type { AttachmentType } from '../../domain/index.js';
import { markerKey } from './marker-key.js';
import { ANDROID_FILE_ATTACHED } from './markers.js';

/**
 * Attachments named in the text. iOS writes "<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>"
 * (the label is localised, the eight-digit counter is not); Android writes
 * "IMG-20220323-WA0002.jpg (file attached)" (the phrase is localised, WhatsApp's own file names
 * are not). The file name links the message to the file when it is in the export.
 */

/** iOS: "<label: 00000035-NAME>" at the end of the first line, any label (French puts " : "). */
const IOS_ATTACHED = /<[^<>:]{1,40}\s?:\s?(\d{8}-[^<>]+)>$/u;
/** Android: "NAME.ext (phrase)" as the whole first line. */
const ANDROID_ATTACHED = /^(.+\.[\p{L}\p{N}]{1,10}) \(([^()]+)\)$/u;
/** File names WhatsApp itself gives on Android; a match is enough whatever the phrase's locale. */
const ANDROID_OWN_NAME = /^(?:IMG|VID|PTT|AUD|STK|DOC)-\d{8}-WA\d+/u;

const IOS_PREFIX: ReadonlyMap<string, AttachmentType> = new Map<string, AttachmentType>([
  ['PHOTO', 'image'],
  ['VIDEO', 'video'],
  ['AUDIO', 'audio'],
  ['STICKER', 'sticker'],
  ['GIF', 'gif'],
]);
const ANDROID_PREFIX: ReadonlyMap<string, AttachmentType> = new Map<string, AttachmentType>([
  ['IMG', 'image'],
  ['VID', 'video'],
  ['PTT', 'audio'],
  ['AUD', 'audio'],
  ['STK', 'sticker'],
  ['DOC', 'document'],
]);
const BY_EXTENSION: ReadonlyMap<string, AttachmentType> = new Map<string, AttachmentType>([
  ...['jpg', 'jpeg', 'png', 'heic', 'heif', 'webp', 'bmp'].map((e): [string, AttachmentType] => [
    e,
    'image',
  ]),
  ['gif', 'gif'],
  ...['mp4', 'mov', '3gp', 'mkv', 'avi', 'webm', 'm4v'].map((e): [string, AttachmentType] => [
    e,
    'video',
  ]),
  ...['opus', 'ogg', 'm4a', 'mp3', 'aac', 'amr', 'wav'].map((e): [string, AttachmentType] => [
    e,
    'audio',
  ]),
  ['vcf', 'contact'],
  ...['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'rtf', 'odt', 'zip'].map(
    (e): [string, AttachmentType] => [e, 'document'],
  ),
]);

/** The attachment's type from its file name (WhatsApp's naming first, then the extension). */
export function attachmentTypeOf(fileName: string): AttachmentType {
  const ios = /^\d{8}-([A-Z]+)-/u.exec(fileName);
  const fromIos = ios?.[1] === undefined ? undefined : IOS_PREFIX.get(ios[1]);
  if (fromIos !== undefined) return fromIos;
  const android = /^([A-Z]{3})-\d{8}-WA/u.exec(fileName);
  const fromAndroid = android?.[1] === undefined ? undefined : ANDROID_PREFIX.get(android[1]);
  if (fromAndroid !== undefined) return fromAndroid;
  const dot = fileName.lastIndexOf('.');
  const ext = dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
  return BY_EXTENSION.get(ext) ?? (dot === -1 ? 'other' : 'document');
}

/** The attached file's name in an iOS first line, or null. */
export function iosAttachedName(firstLine: string): string | null {
  return IOS_ATTACHED.exec(firstLine)?.[1] ?? null;
}

/** The attached file's name in an Android first line, or null. */
export function androidAttachedName(firstLine: string): string | null {
  const m = ANDROID_ATTACHED.exec(firstLine);
  const name = m?.[1];
  const phrase = m?.[2];
  if (name === undefined || phrase === undefined) return null;
  return ANDROID_FILE_ATTACHED.has(markerKey(phrase)) || ANDROID_OWN_NAME.test(name) ? name : null;
}

/**
 * Where the export's files are, by name: an attachment is linked when a file of that name sits
 * beside the chat (same folder), or anywhere in the export when exactly one file has that name.
 */
export class MediaIndex {
  private readonly byPath = new Set<string>();
  private readonly byName = new Map<string, string | null>();

  constructor(paths: readonly string[]) {
    for (const path of paths) {
      this.byPath.add(path);
      const name = path.slice(path.lastIndexOf('/') + 1);
      this.byName.set(name, this.byName.has(name) ? null : path);
    }
  }

  pathOf(fileName: string, chatPath: string): string | null {
    const dir = chatPath.slice(0, chatPath.lastIndexOf('/') + 1);
    const beside = dir + fileName;
    if (this.byPath.has(beside)) return beside;
    return this.byName.get(fileName) ?? null;
  }
}
