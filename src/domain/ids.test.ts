import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileMessageIds, messageIdAt, messageIdFor, messageIdPrefix } from './ids.js';

describe('message ids', () => {
  it('are m_, 16 base64url characters, a dot and the ordinal', () => {
    expect(messageIdFor('x_test', '', 0)).toMatch(/^m_[A-Za-z0-9_-]{16}\.0$/u);
    expect(messageIdFor('x_test', 'chat.txt', 1204)).toMatch(/^m_[A-Za-z0-9_-]{16}\.1204$/u);
  });

  it('are pinned: changing the scheme changes every stored id', () => {
    expect(messageIdFor('x_test', '', 0)).toBe(`${messageIdPrefix('x_test', '')}0`);
    expect(messageIdFor('x_0123456789abcdef01234567', 'WhatsApp Chat.txt', 41)).toBe(
      'm_6pSTHZEKzqqrA_ot.41',
    );
  });

  it('are the same however calls for different files interleave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('x_a', 'x_b'), fc.constantFrom('', 'a', 'b'), fc.nat())),
        (calls) => {
          for (const [exportId, file, ordinal] of calls) {
            expect(messageIdFor(exportId, file, ordinal)).toBe(
              messageIdAt(messageIdPrefix(exportId, file), ordinal),
            );
          }
        },
      ),
    );
  });

  it('are the same through FileMessageIds', () => {
    const prefix = messageIdPrefix('x_test', 'a');
    const ids = new FileMessageIds(prefix);
    for (const ordinal of [0, 7, 999, 1000, 1001, 1999, 2000, 123_456, 9_999_999, 10_000_000]) {
      expect(ids.at(ordinal)).toBe(messageIdAt(prefix, ordinal));
    }
    fc.assert(
      fc.property(fc.nat(), (ordinal) => {
        expect(ids.at(ordinal)).toBe(messageIdAt(prefix, ordinal));
      }),
    );
  });

  it('differ between exports, files and ordinals', () => {
    const ids = new Set<string>();
    for (const exportId of ['x_a', 'x_b'])
      for (const file of ['', 'a', 'a/b', 'b'])
        for (let ordinal = 0; ordinal < 200; ordinal += 1)
          ids.add(messageIdFor(exportId, file, ordinal));
    expect(ids.size).toBe(2 * 4 * 200);
  });
});
