import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyNotReadBack, splitFrontmatter } from './frontmatter.ts';

test('gives the file line of every top-level key, lists and numbers included', () => {
  const source = splitFrontmatter(
    '---\ntitle: 2021\nms.custom:\n- seodec18\n- SEOAPR.20\nms.locfileid: 75647993\n---\nbody\n',
  );
  assert.deepEqual(
    [...source.keyLines],
    [
      ['title', 2],
      ['ms.custom', 3],
      ['ms.locfileid', 6],
    ],
  );
  assert.deepEqual(source.entries, [
    ['title', 2021],
    ['ms.custom', ['seodec18', 'SEOAPR.20']],
    ['ms.locfileid', 75647993],
  ]);
});

test('reads back a date-like string, a number and a list as written', () => {
  assert.equal(
    keyNotReadBack([
      ['ms.date', '2020-04-07'],
      ['ms.locfileid', 75647993],
      ['quoted', '82797770'],
      ['flag', 'yes'],
      ['ms.custom', ['seodec18', 'on']],
    ]),
    undefined,
  );
});

test('finds a merge key that a YAML 1.1 reader would expand into other keys', () => {
  assert.equal(
    keyNotReadBack([
      ['title', 'x'],
      ['<<', { task: 'update-customer-account' }],
    ]),
    '<<',
  );
});
