import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, type SourceLocation } from '../../domain/index.js';
import type { ElementEvent, FieldEvent, JsonEvent } from './events.js';
import { scanJsonBytes } from './scan-entry.js';
import type { ScanOptions } from './scanner.js';

interface Warning {
  code: string;
  location: SourceLocation;
}

function scan(
  text: string | Buffer,
  arrays: string[],
  fields: string[] = [],
  chunkSize?: number,
): { events: JsonEvent[]; warnings: Warning[]; bytes: Buffer } {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const warnings: Warning[] = [];
  const options: ScanOptions = {
    file: 'f.json',
    arrays,
    fields,
    warn: (code, _detail, location) => warnings.push({ code, location }),
  };
  return { events: scanJsonBytes(bytes, options, chunkSize), warnings, bytes };
}

const elements = (events: JsonEvent[]): ElementEvent[] =>
  events.filter((e): e is ElementEvent => e.kind === 'element');
const fieldsOf = (events: JsonEvent[]): FieldEvent[] =>
  events.filter((e): e is FieldEvent => e.kind === 'field');

function errorOf(fn: () => unknown): ChatscreenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ChatscreenError) return error;
    throw error;
  }
  throw new Error('expected a ChatscreenError');
}

describe('JsonScanner: elements and their byte ranges', () => {
  const cases: { name: string; doc: string; arrays: string[]; values: unknown[] }[] = [
    {
      name: 'root array',
      doc: '[{"a":1}, {"b":[2,3]} ,4,"x",null]',
      arrays: [''],
      values: [{ a: 1 }, { b: [2, 3] }, 4, 'x', null],
    },
    {
      name: 'messages key',
      doc: '{"name":"n","messages":[{"t":"a"},{"t":"b"}],"after":1}',
      arrays: ['messages'],
      values: [{ t: 'a' }, { t: 'b' }],
    },
    { name: 'empty array', doc: '{"messages":[]}', arrays: ['messages'], values: [] },
    {
      name: 'nested wildcard',
      doc: '{"about":"x","chats":{"about":"y","list":[{"name":"A","messages":[{"id":1}]},{"name":"B","messages":[{"id":2},{"id":3}]}]},"left_chats":{"list":[{"messages":[{"id":9}]}]}}',
      arrays: ['chats.list[*].messages', 'left_chats.list[*].messages'],
      values: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 9 }],
    },
    {
      name: 'escaped quotes and backslashes',
      doc: '{"messages":[{"t":"a \\" ] } [ {"},{"t":"\\\\"},{"t":"\\\\\\"x"},{"t":"\\u005d\\/"}]}',
      arrays: ['messages'],
      values: [{ t: 'a " ] } [ {' }, { t: '\\' }, { t: '\\"x' }, { t: ']/' }],
    },
    {
      name: 'multi-byte text (emoji, ZWJ, RTL, combining)',
      doc: '{"messages":[{"t":"👩‍👩‍👧 שלום e\u0301 \u200f"},{"t":"日本語"}]}',
      arrays: ['messages'],
      values: [{ t: '👩‍👩‍👧 שלום e\u0301 \u200f' }, { t: '日本語' }],
    },
    {
      name: 'a same-named key elsewhere is not a target',
      doc: '{"other":{"messages":[1,2]},"messages":[3]}',
      arrays: ['messages'],
      values: [3],
    },
    { name: 'BOM', doc: '\ufeff{"messages":[1]}', arrays: ['messages'], values: [1] },
  ];

  for (const c of cases) {
    it(`${c.name}: every split gives the same elements and exact byte ranges`, () => {
      const whole = scan(c.doc, c.arrays);
      const found = elements(whole.events);
      expect(found.map((e) => e.value)).toEqual(c.values);
      expect(found.map((e) => e.ordinal)).toEqual(c.values.map((_, i) => i));
      for (const e of found) {
        const slice = whole.bytes.subarray(
          e.location.byteOffset,
          e.location.byteOffset + e.location.byteLength,
        );
        expect(JSON.parse(slice.toString('utf8'))).toEqual(e.value);
      }
      for (let size = 1; size <= Math.min(whole.bytes.length, 40); size++) {
        expect(scan(c.doc, c.arrays, [], size).events).toEqual(whole.events);
      }
    });
  }

  it('reports array boundaries with concrete paths and counts', () => {
    const { events } = scan('{"chats":{"list":[{"messages":[1,2]},{"messages":[]}]}}', [
      'chats.list[*].messages',
    ]);
    expect(events.filter((e) => e.kind !== 'element')).toEqual([
      { kind: 'arrayStart', target: 0, path: ['chats', 'list', 0, 'messages'] },
      { kind: 'arrayEnd', target: 0, path: ['chats', 'list', 0, 'messages'], count: 2 },
      { kind: 'arrayStart', target: 0, path: ['chats', 'list', 1, 'messages'] },
      { kind: 'arrayEnd', target: 0, path: ['chats', 'list', 1, 'messages'], count: 0 },
      { kind: 'end', rootType: 'object', bytes: 55, arrays: 2 },
    ]);
  });

  it('captures fields with their values and locations', () => {
    const doc =
      '{"chats":{"list":[{"name":"A \\"q\\"","id":12,"messages":[]},{"id":-1.5e3,"name":null}]}}';
    const { events } = scan(
      doc,
      ['chats.list[*].messages'],
      ['chats.list[*].name', 'chats.list[*].id'],
    );
    expect(fieldsOf(events).map((f) => [f.field, f.path, f.value])).toEqual([
      [0, ['chats', 'list', 0, 'name'], 'A "q"'],
      [1, ['chats', 'list', 0, 'id'], 12],
      [1, ['chats', 'list', 1, 'id'], -1500],
      [0, ['chats', 'list', 1, 'name'], null],
    ]);
    for (let size = 1; size < 12; size++) {
      expect(
        scan(doc, ['chats.list[*].messages'], ['chats.list[*].name', 'chats.list[*].id'], size)
          .events,
      ).toEqual(events);
    }
  });

  it('decodes escaped keys when matching paths', () => {
    const { events } = scan('{"mess\\u0061ges":[1]}', ['messages']);
    expect(elements(events).map((e) => e.value)).toEqual([1]);
  });

  it('counts lines of pretty-printed files', () => {
    const doc = '{\n "messages": [\n  {\n   "t": "a"\n  },\n  {"t": "b"}\n ]\n}\n';
    const found = elements(scan(doc, ['messages']).events);
    expect(found.map((e) => e.location.line)).toEqual([3, 6]);
  });
});

describe('JsonScanner: raw control characters and invalid UTF-8', () => {
  it('keeps raw control characters as text and warns with their location', () => {
    const doc = Buffer.from('{"messages":[{"t":"a\u0001b\tc\nd"},{"t":"ok"}]}', 'utf8');
    for (let size = 1; size <= doc.length; size++) {
      const { events, warnings } = scan(doc, ['messages'], [], size);
      expect(elements(events).map((e) => e.value)).toEqual([{ t: 'a\u0001b\tc\nd' }, { t: 'ok' }]);
      expect(warnings).toEqual([
        {
          code: 'control_character',
          location: { file: 'f.json', byteOffset: 20, byteLength: 1, line: 1 },
        },
      ]);
    }
  });

  it('tolerates control characters outside elements too', () => {
    const { events, warnings } = scan('{"name":"a\u0000b","messages":[1]}', ['messages'], ['name']);
    expect(fieldsOf(events)[0]?.value).toBe('a\u0000b');
    expect(warnings.map((w) => w.code)).toEqual(['control_character']);
    const skipped = scan('{"x":"a\u0002","messages":[1]}', ['messages']);
    expect(skipped.warnings.map((w) => w.location.byteOffset)).toEqual([7]);
  });

  it('warns on invalid UTF-8 and decodes it as U+FFFD', () => {
    const doc = Buffer.concat([
      Buffer.from('{"messages":[{"t":"a'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}]}'),
    ]);
    const { events, warnings } = scan(doc, ['messages']);
    expect(elements(events)[0]?.value).toEqual({ t: 'a\ufffd(' });
    expect(warnings).toEqual([
      {
        code: 'invalid_utf8',
        location: { file: 'f.json', byteOffset: 20, byteLength: 1, line: null },
      },
    ]);
  });
});

describe('JsonScanner: truncated and malformed input', () => {
  const truncated = [
    '',
    '   ',
    '{',
    '{"messages":[{"t":"a"}',
    '{"messages":[{"t":"a',
    '[1,',
    '{"a":tru',
    '{"a":"\\',
    '{"messages":[{"t":"a"},',
  ];
  for (const doc of truncated) {
    it(`truncated_input for ${JSON.stringify(doc)}`, () => {
      const error = errorOf(() => scan(doc, ['messages']));
      expect(error.code).toBe('truncated_input');
      expect(error.location?.byteOffset).toBe(Buffer.byteLength(doc));
    });
  }

  const malformed: { doc: string; at: number }[] = [
    { doc: '{this is not: valid json}', at: 1 },
    { doc: '{"a" 1}', at: 5 },
    { doc: '{"a":1,}', at: 7 },
    { doc: '[1,]', at: 3 },
    { doc: '{"a":1}x', at: 7 },
    { doc: '{"a":01x}', at: 5 },
    { doc: '{"a":"\\x"}', at: 7 },
    { doc: '{"a":"\\u12g4"}', at: 10 },
    { doc: '{"a":[1}', at: 7 },
    { doc: 'nul', at: 0 },
  ];
  for (const c of malformed) {
    it(`malformed_input at byte ${c.at} for ${JSON.stringify(c.doc)}`, () => {
      const error = errorOf(() => scan(c.doc, ['messages'], [], 2));
      expect(error.code).toBe('malformed_input');
      expect(error.location?.byteOffset).toBe(c.at);
      expect(error.message).not.toContain('valid json');
    });
  }

  it('reports an element that is not JSON on its own and goes on', () => {
    const doc = '{"messages":[{"a":1},{"a":01},{"b":2}]}';
    const { events } = scan(doc, ['messages']);
    expect(events.map((e) => e.kind)).toEqual([
      'arrayStart',
      'element',
      'invalidElement',
      'element',
      'arrayEnd',
      'end',
    ]);
    const bad = events[2];
    expect(
      bad?.kind === 'invalidElement' && [
        bad.location.byteOffset,
        bad.location.byteLength,
        bad.errorAt,
      ],
    ).toEqual([21, 8, 27]);
  });

  it('rejects UTF-16 with invalid_encoding', () => {
    expect(errorOf(() => scan(Buffer.from('\ufeff{}', 'utf16le'), [])).code).toBe(
      'invalid_encoding',
    );
  });

  it('caps nesting depth and element size', () => {
    expect(errorOf(() => scan('['.repeat(600), ['x'])).code).toBe('malformed_input');
    const big = `{"messages":[{"t":"${'x'.repeat(2000)}"}]}`;
    const warnings: string[] = [];
    const error = errorOf(() =>
      scanJsonBytes(
        Buffer.from(big),
        { file: '', arrays: ['messages'], warn: (c) => warnings.push(c), maxValueBytes: 1000 },
        100,
      ),
    );
    expect(error.code).toBe('input_too_large');
    expect(error.location?.byteOffset).toBe(13);
  });

  it('never throws anything but ChatscreenError, and agrees with JSON.parse on valid documents', () => {
    fc.assert(
      fc.property(fc.json(), fc.integer({ min: 1, max: 64 }), (json, chunk) => {
        const doc = `{"messages":[${json},${json}]}`;
        const { events } = scan(doc, ['messages'], [], chunk);
        const parsed = JSON.parse(json) as unknown;
        expect(elements(events).map((e) => e.value)).toEqual([parsed, parsed]);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 1, max: 16 }),
        (bytes, chunk) => {
          try {
            scan(Buffer.from(bytes), ['messages', 'a[*].b'], ['name'], chunk);
          } catch (error) {
            expect(error).toBeInstanceOf(ChatscreenError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
