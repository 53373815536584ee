import { describe, expect, it } from 'vitest';
import {
  androidAttachedName,
  attachmentTypeOf,
  iosAttachedName,
  MediaIndex,
} from './attachments.js';

describe('attachments', () => {
  it.each([
    ['00000035-PHOTO-2022-03-27-21-41-55.jpg', 'image'],
    ['00000037-VIDEO-2022-03-27-21-44-16.mp4', 'video'],
    ['00000038-AUDIO-2022-03-27-21-44-47.opus', 'audio'],
    ['00000043-STICKER-2022-03-27-21-49-16.webp', 'sticker'],
    ['00000051-GIF-2022-03-27-21-51-57.mp4', 'gif'],
    ['00000042-TR.vcf', 'contact'],
    ['00000047-Resume.pdf', 'document'],
    ['IMG-20220323-WA0002.jpg', 'image'],
    ['VID-20220327-WA0001.mp4', 'video'],
    ['PTT-20220323-WA0000.opus', 'audio'],
    ['STK-20220323-WA0003.webp', 'sticker'],
    ['DOC-20240214-WA0004.pdf', 'document'],
    ['Alex.vcf', 'contact'],
    ['anim.gif', 'gif'],
    ['archive.7z', 'document'],
    ['README', 'other'],
  ] as const)('%s is %s', (name, type) => {
    expect(attachmentTypeOf(name)).toBe(type);
  });

  it.each([
    [
      '\u200E<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>',
      '00000035-PHOTO-2022-03-27-21-41-55.jpg',
    ],
    ['Some file.txt \u200E<attached: 00000046-Some file.txt>', '00000046-Some file.txt'],
    ['<pièce jointe : 00000046-a.pdf>', '00000046-a.pdf'],
    ['<angehängt: 00000001-x.jpg>', '00000001-x.jpg'],
    ['<b>bold</b>', null],
    ['<attached: not-counted.jpg>', null],
  ])('iOS %j', (line, name) => {
    expect(iosAttachedName(line)).toBe(name);
  });

  it.each([
    ['IMG-20220323-WA0002.jpg (file attached)', 'IMG-20220323-WA0002.jpg'],
    ['Alex.vcf (soubor byl přiložen)', 'Alex.vcf'],
    ['PTT-20220323-WA0000.opus (some unknown locale)', 'PTT-20220323-WA0000.opus'],
    ['I love cats.jpg (lol)', null],
    ['no file here (really)', null],
  ])('Android %j', (line, name) => {
    expect(androidAttachedName(line)).toBe(name);
  });

  it('links a file beside the chat first, else a unique name anywhere', () => {
    const index = new MediaIndex(['a/x.jpg', 'b/x.jpg', 'b/only.jpg', 'root.jpg']);
    expect(index.pathOf('x.jpg', 'a/_chat.txt')).toBe('a/x.jpg');
    expect(index.pathOf('x.jpg', 'c/_chat.txt')).toBeNull();
    expect(index.pathOf('only.jpg', 'a/_chat.txt')).toBe('b/only.jpg');
    expect(index.pathOf('root.jpg', '_chat.txt')).toBe('root.jpg');
    expect(index.pathOf('missing.jpg', '_chat.txt')).toBeNull();
  });
});
