/**
 * What the first scan reads of a file: its text, or its UTF-8 bytes one per character. Decoding every report of a
 * large workspace to UTF-16 cost more than scanning it; the scanner needs only ASCII to find its way, so it reads
 * the bytes and decodes just the lines it keeps (headings, links, metadata).
 */
export class Utf8Bytes {
  /** `latin1`: each byte of the file as one character (`buffer.toString('latin1')`). */
  constructor(readonly latin1: string) {}

  get text(): string {
    return Buffer.from(this.latin1, 'latin1').toString('utf8');
  }
}

export type FileContent = string | Utf8Bytes;

export function textOf(content: FileContent): string {
  return typeof content === 'string' ? content : content.text;
}

const HIGH_BYTE = /[\x80-\xff]/;

/** Part of a `latin1` string of UTF-8 bytes, decoded; ASCII reads the same either way. */
export function decodeUtf8Bytes(latin1: string): string {
  return HIGH_BYTE.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}
