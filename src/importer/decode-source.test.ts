import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSource, firstInvalidUtf8Byte } from './decode-source.ts';
import { ImportError } from './import-error.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

test('decodes UTF-8, with or without a byte order mark', () => {
  const text = '---\ntitle: 顧客 🙂\n';
  assert.equal(decodeSource(new TextEncoder().encode(text)), text);
  assert.equal(decodeSource(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text))), text);
});

test('names the line, column and value of the first invalid byte', () => {
  const input = bytes(...new TextEncoder().encode('---\nti: 顧客'), 0x82, 0xa0, 0x0a);
  assert.throws(
    () => decodeSource(input),
    (error) =>
      error instanceof ImportError &&
      error.line === 2 &&
      /^not UTF-8 \(first invalid byte 0x82 at line 2, column 7\); .*save it as UTF-8$/.test(
        error.message,
      ),
  );
});

const sequences: Array<[name: string, input: Uint8Array, offset: number | undefined]> = [
  ['well-formed text up to four bytes a character', new TextEncoder().encode('aé顧🙂'), undefined],
  ['a continuation byte with no lead byte', bytes(0x61, 0x80), 1],
  ['an overlong two-byte form', bytes(0x61, 0xc0, 0x80), 1],
  ['an overlong three-byte form', bytes(0xe0, 0x80, 0x80), 0],
  ['an encoded surrogate', bytes(0x61, 0xed, 0xa0, 0x80), 1],
  ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
  ['a sequence cut short by the end of the file', bytes(0x61, 0xe9, 0xa1), 1],
  ['a lead byte followed by ASCII', bytes(0xe9, 0x41, 0x41), 0],
];

for (const [name, input, offset] of sequences) {
  test(`finds the first invalid byte in ${name}`, () => {
    assert.equal(firstInvalidUtf8Byte(input), offset);
    // The validator agrees with TextDecoder about whether the bytes are UTF-8 at all.
    const decodes = (() => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input);
        return true;
      } catch {
        return false;
      }
    })();
    assert.equal(decodes, offset === undefined);
  });
}
