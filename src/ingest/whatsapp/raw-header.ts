/** What a message header wrote, before the file's day/month order is applied (header.ts). */
export type HeaderStyle = 'bracket' | 'dash' | 'colon';

export interface RawHeader {
  style: HeaderStyle;
  /** The date numbers in written order, and how many digits each had. */
  fields: readonly [number, number, number];
  widths: readonly [number, number, number];
  /** Japanese era written before the first number ("R4/3/18"): the first number is the year. */
  eraPrefix: string | null;
  /** Japanese era written after the date ("3/18/4 R"): the last number is the year. */
  eraSuffix: string | null;
  /** "BE" (Buddhist era) after the date. */
  buddhist: boolean;
  /** 24-hour. */
  hour: number;
  minute: number;
  second: number;
  /** Index in the line where the rest (sender and text, or a system text) starts. */
  restStart: number;
  /** Marks before the opening bracket: iOS writes them before media and attachment lines. */
  markedLine: boolean;
}
