import { describe, expect, it } from 'vitest';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8.js';

describe('completeUtf8Length', () => {
  it.each([
    ['ascii', Buffer.from('abc'), 3],
    ['complete emoji', Buffer.from('a😀'), 5],
    ['emoji cut after 1 byte', Buffer.from('a😀').subarray(0, 2), 1],
    ['emoji cut after 3 bytes', Buffer.from('a😀').subarray(0, 4), 1],
    ['é cut', Buffer.from('é').subarray(0, 1), 0],
    ['empty', Buffer.alloc(0), 0],
  ])('%s', (_label, bytes, expected) => {
    expect(completeUtf8Length(bytes)).toBe(expected);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid', Buffer.from('héllo 😀'), -1],
    ['lone continuation', Buffer.from([0x61, 0x80, 0x61]), 1],
    ['overlong', Buffer.from([0x61, 0xc0, 0xaf]), 1],
    ['surrogate encoded', Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]), 2],
    ['truncated at end', Buffer.from([0x61, 0xe2, 0x82]), 1],
    ['above U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
    ['latin-1 byte', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), 3],
  ])('%s', (_label, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected);
  });
});
