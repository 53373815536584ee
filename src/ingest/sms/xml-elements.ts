import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ChatscreenError, type SourceLocation } from '../../domain/index.js';
import { completeUtf8Length, firstInvalidUtf8 } from '../../lib/utf8.js';
import type { ParseReportBuilder } from '../report.js';
import { BytePositions } from './byte-positions.js';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** A child of the root element (an `<sms>` or `<mms>`), with where its bytes are. */
export interface XmlElement extends XmlNode {
  location: SourceLocation;
}

export type XmlEvent =
  | { type: 'root'; name: string; attributes: Record<string, string> }
  | { type: 'element'; element: XmlElement };

interface Pending {
  node: XmlNode;
  byteStart: number;
  charStart: number;
  line: number;
}

export interface XmlLimits {
  /** Most UTF-16 code units one child of the root, or any single construct, may span. */
  maxElementChars: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxElementChars: 64 * 1024 * 1024 };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Streams an XML document and yields its root, then each child of the root as a small tree once
 * it closes, with its byte offset, byte length and line. Memory is bounded by the largest child
 * (capped: a 2 GB attribute is refused, not buffered). The end of a truncated file is reported
 * (skipped element, warning), not thrown; malformed XML in the middle is thrown with its location.
 */
export async function* readXmlElements(
  stream: Readable,
  file: string,
  report: ParseReportBuilder,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): AsyncGenerator<XmlEvent> {
  const positions = new BytePositions();
  const parser = new SaxesParser({ xmlns: false, position: true });
  decodeAllCharacterReferences(parser);
  const ready: XmlEvent[] = [];
  let failure: { message: string; charPos: number; line: number } | null = null;
  let depth = 0;
  let lastEventChar = 0;
  // Held in an object: the parser's callbacks change it, which narrowing cannot see.
  const state: { pending: Pending | null; elementStart: number | null } = {
    pending: null,
    elementStart: null,
  };
  const stack: XmlNode[] = [];
  let elementStartChar = 0;
  let elementStartLine = 0;
  let rootClosed = false;

  const location = (
    byteOffset: number,
    byteLength: number,
    line: number | null,
  ): SourceLocation => ({
    file,
    byteOffset,
    byteLength,
    line,
  });

  parser.on('error', (error) => {
    failure ??= { message: error.message, charPos: parser.position, line: parser.line };
  });
  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && !['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(encoding)) {
      throw new ChatscreenError(
        'invalid_encoding',
        `the XML declares the encoding "${decl.encoding}"; only UTF-8 is supported`,
        { location: location(0, 0, 1) },
      );
    }
  });
  parser.on('opentagstart', (tag) => {
    // After the first error the document is not trusted: nothing more is collected.
    if (failure !== null) return;
    lastEventChar = parser.position;
    if (depth === 1) {
      // The parser has read `<name` and one more character.
      elementStartChar = parser.position - tag.name.length - 2;
      state.elementStart = elementStartChar;
      elementStartLine = parser.line;
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (failure !== null) return;
    lastEventChar = parser.position;
    depth += 1;
    if (depth === 1) {
      ready.push({ type: 'root', name: tag.name, attributes: { ...tag.attributes } });
      return;
    }
    const node: XmlNode = { name: tag.name, attributes: { ...tag.attributes }, children: [] };
    if (depth === 2) {
      state.pending = {
        node,
        charStart: elementStartChar,
        byteStart: positions.byteAt(elementStartChar),
        line: elementStartLine,
      };
    } else {
      stack.at(-1)?.children.push(node);
    }
    stack.push(node);
  });
  parser.on('closetag', () => {
    if (failure !== null) return;
    lastEventChar = parser.position;
    depth -= 1;
    stack.pop();
    if (depth === 0) rootClosed = true;
    if (depth === 1 && state.pending !== null) {
      const end = positions.byteAt(parser.position);
      ready.push({
        type: 'element',
        element: {
          ...state.pending.node,
          location: location(
            state.pending.byteStart,
            end - state.pending.byteStart,
            state.pending.line,
          ),
        },
      });
      state.pending = null;
      state.elementStart = null;
    }
  });
  for (const event of ['comment', 'cdata', 'processinginstruction', 'doctype'] as const) {
    parser.on(event, () => {
      lastEventChar = parser.position;
    });
  }

  let byteOffset = 0;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of stream) {
    let bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    if (first && bytes.length < 3) {
      carry = bytes;
      continue;
    }
    if (first) {
      first = false;
      checkByteOrderMark(bytes, file);
      if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
        bytes = bytes.subarray(3);
        byteOffset = 3;
      }
    }
    const usable = completeUtf8Length(bytes);
    carry = Buffer.from(bytes.subarray(usable));
    const whole = bytes.subarray(0, usable);
    const invalid = firstInvalidUtf8(whole);
    if (invalid >= 0) {
      yield* drain(ready);
      throw new ChatscreenError('invalid_encoding', 'the XML is not valid UTF-8', {
        location: location(byteOffset + invalid, 1, null),
      });
    }
    const text = whole.toString('utf8');
    positions.add(text, byteOffset);
    byteOffset += whole.length;
    parser.write(text);
    yield* drain(ready);
    if (failure !== null) throw malformed(failure, positions, file);
    const start = state.elementStart;
    const since = start === null ? lastEventChar : Math.min(lastEventChar, start);
    if (positions.length - since > limits.maxElementChars) {
      throw new ChatscreenError(
        'input_too_large',
        `an XML element or construct is longer than ${limits.maxElementChars} characters`,
        { location: location(positions.byteAt(since), 0, null) },
      );
    }
  }
  if (carry.length > 0) {
    if (first) checkByteOrderMark(carry, file);
    throw new ChatscreenError('invalid_encoding', 'the XML ends inside a UTF-8 character', {
      location: location(byteOffset, carry.length, null),
    });
  }
  // The end of the input: errors now only mean "the file stops early".
  parser.on('error', () => {});
  parser.close();
  yield* drain(ready);
  const open = state.pending;
  if (open !== null) {
    report.skip('truncated_element', 'the file ends inside this element', {
      file,
      byteOffset: open.byteStart,
      byteLength: byteOffset - open.byteStart,
      line: open.line,
    });
  }
  if (!rootClosed) {
    report.warn('truncated', 'the file ends before its root element is closed (truncated?)', {
      file,
      byteOffset,
      byteLength: 0,
      line: null,
    });
  }
}

function* drain(ready: XmlEvent[]): Generator<XmlEvent> {
  while (ready.length > 0) {
    const event = ready.shift();
    if (event !== undefined) yield event;
  }
}

function checkByteOrderMark(bytes: Buffer, file: string): void {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe)) {
    throw new ChatscreenError('invalid_encoding', 'the XML is UTF-16; only UTF-8 is supported', {
      location: { file, byteOffset: 0, byteLength: 2, line: 1 },
    });
  }
}

function malformed(
  failure: { message: string; charPos: number; line: number },
  positions: BytePositions,
  file: string,
): ChatscreenError {
  // saxes messages are of the form "1:2: disallowed character."; keep the reason, not the text.
  const reason = failure.message.replace(/^(\S*:)?\d+:\d+: /, '').replace(/[.\s]+$/, '');
  return new ChatscreenError('malformed_input', `the XML is not well-formed (${reason})`, {
    location: {
      file,
      byteOffset: positions.byteAt(failure.charPos),
      byteLength: 0,
      line: failure.line,
    },
  });
}

/**
 * SMS Backup & Restore writes characters outside the BMP as two numeric references to UTF-16
 * surrogates (`&#55357;&#56832;`) and keeps control characters as references too. Both are
 * invalid XML, but they are exactly what the phone held: decode every numeric reference to its
 * code unit(s) so that an adjacent pair becomes the one emoji it always was. saxes has no hook for
 * this, so its (private) entity resolver is wrapped; the SMS tests pin the behaviour.
 */
function decodeAllCharacterReferences(parser: SaxesParser): void {
  const internals = parser as unknown as { parseEntity: (entity: string) => string };
  const original = internals.parseEntity.bind(parser);
  internals.parseEntity = (entity: string): string => {
    const match = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(entity);
    if (match !== null) {
      const code = match[1] !== undefined ? Number.parseInt(match[1], 16) : Number(match[2]);
      if (code <= 0xffff) return String.fromCharCode(code);
      if (code <= 0x10ffff) return String.fromCodePoint(code);
    }
    return original(entity);
  };
}
