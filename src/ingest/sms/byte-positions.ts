interface Segment {
  charStart: number;
  byteStart: number;
  text: string;
}

/**
 * Maps positions in the decoded text (UTF-16 code units, as the XML parser counts them) back to
 * byte offsets in the file. The text arrives as segments decoded from whole UTF-8 characters, so
 * each segment's byte length is exact. Lookups are expected to move forward (element starts and
 * ends in document order) and cost only the distance moved; older segments are then dropped.
 */
export class BytePositions {
  private readonly segments: Segment[] = [];
  private chars = 0;
  private cursorChar = 0;
  private cursorByte = 0;

  add(text: string, byteStart: number): void {
    if (text.length === 0) return;
    this.segments.push({ charStart: this.chars, byteStart, text });
    this.chars += text.length;
  }

  /** Code units added so far. */
  get length(): number {
    return this.chars;
  }

  byteAt(charPos: number): number {
    // Drop segments that end before the lookup; positions never go back before a lookup made.
    while (this.segments.length > 1) {
      const first = this.segments[0];
      if (first === undefined || first.charStart + first.text.length > charPos) break;
      this.segments.shift();
    }
    const segment = this.segments[0];
    if (segment === undefined) return this.cursorByte;
    const end = segment.charStart + segment.text.length;
    if (charPos >= end) return segment.byteStart + Buffer.byteLength(segment.text, 'utf8');
    const from =
      this.cursorChar >= segment.charStart && this.cursorChar <= charPos
        ? this.cursorChar
        : segment.charStart;
    const fromByte =
      from === this.cursorChar && from !== segment.charStart ? this.cursorByte : segment.byteStart;
    const slice = segment.text.slice(from - segment.charStart, charPos - segment.charStart);
    const byte = fromByte + Buffer.byteLength(slice, 'utf8');
    this.cursorChar = charPos;
    this.cursorByte = byte;
    return byte;
  }
}
