import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ifMatchAllows, parseIfMatch, type IfMatch } from './if-match.ts';

const PARSED: [header: string, parsed: IfMatch][] = [
  ['"abc"', ['abc']],
  ['*', '*'],
  [' * ', '*'],
  ['"a", "b"', ['a', 'b']],
  ['"a",\t"b" ,"c"', ['a', 'b', 'c']],
  ['W/"a", "b"', ['b']],
  ['W/"a"', []],
  ['""', ['']],
  [', "a",, "b",', ['a', 'b']],
  ['"x!#~\u00e9"', ['x!#~\u00e9']],
];

for (const [header, parsed] of PARSED) {
  test(`reads If-Match ${JSON.stringify(header)} as ${JSON.stringify(parsed)}`, () => {
    assert.deepEqual(parseIfMatch(header), parsed);
  });
}

const MALFORMED = [
  'abc',
  '"abc',
  'abc"',
  '"a" "b"',
  '"a";"b"',
  '"a b"',
  '"a"b',
  'w/"a"',
  'W/ "a"',
  '"a", *',
  '**',
  ',',
  '',
];

for (const header of MALFORMED) {
  test(`refuses the malformed If-Match ${JSON.stringify(header)}`, () => {
    assert.equal(parseIfMatch(header), undefined);
  });
}

test('reads a long If-Match in linear time', () => {
  const started = performance.now();
  assert.equal(parseIfMatch(`${' '.repeat(100_000)}x`), undefined);
  assert.equal(parseIfMatch(`"a"${' '.repeat(100_000)}x`), undefined);
  assert.equal(parseIfMatch(Array.from({ length: 10_000 }, () => '"a"').join(','))?.length, 10_000);
  assert.ok(performance.now() - started < 1000);
});

test('matches strongly: a listed tag, any tag for *, never a weak one', () => {
  assert.equal(ifMatchAllows(['x', 'current'], 'current'), true);
  assert.equal(ifMatchAllows('*', 'current'), true);
  assert.equal(ifMatchAllows(parseIfMatch('W/"current"')!, 'current'), false);
  assert.equal(ifMatchAllows(['other'], 'current'), false);
});
