import chardet from 'chardet';
import { ImportError } from './import-error.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a source file, which must be UTF-8. Anything else (a Shift_JIS or Big5 export)
 * would otherwise import as U+FFFD mojibake and report `ok`; instead it is an ImportError at the
 * first invalid byte, naming the encoding the file most likely is.
 */
export function decodeSource(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes) ?? 0;
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = 1 + bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length;
    // Everything before `offset` is well-formed, so the characters before it on its line decode.
    const column = 1 + [...UTF8.decode(bytes.subarray(lineStart, offset))].length;
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const encoding = chardet.detect(bytes);
    const guess = encoding && encoding !== 'UTF-8' ? `it looks like ${encoding} — ` : '';
    throw new ImportError(
      line,
      `not UTF-8 (first invalid byte 0x${hex} at line ${line}, column ${column}); ${guess}save it as UTF-8`,
    );
  }
}

/**
 * Offset of the first byte that does not begin a well-formed UTF-8 sequence (the byte ranges of
 * the WHATWG decoder that TextDecoder uses: no overlong forms, no surrogates, nothing above
 * U+10FFFF), or undefined when all bytes are well-formed. A small validator of our own because
 * TextDecoder's error does not say where the bad byte is.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return undefined;
}
