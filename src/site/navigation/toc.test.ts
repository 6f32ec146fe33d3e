import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseToc } from './toc.ts';

test('reads headings into a tree, with link targets and plain group labels', () => {
  const tree = parseToc(
    '# [Home](index.yml)\n\n# [A](a.md)\n## Group\n### [B](b.md)\n## [C](C.md)\n# Plain\n',
    'TOC.md',
  );
  assert.deepEqual(
    tree.map((entry) => [entry.text, entry.target, entry.children.length]),
    [
      ['Home', 'index.yml', 0],
      ['A', 'a.md', 2],
      ['Plain', undefined, 0],
    ],
  );
  assert.deepEqual(tree[1]?.children[0]?.children[0], {
    text: 'B',
    target: 'b.md',
    line: 5,
    children: [],
  });
});

test('rejects a heading that skips a level, naming the line', () => {
  assert.throws(
    () => parseToc('# A\n### B\n', 'x/TOC.md'),
    /^Error: x\/TOC\.md:2: heading level 3 skips a level/,
  );
});

test('rejects a line that is not a heading, naming the line', () => {
  assert.throws(() => parseToc('# A\n- b\n', 'TOC.md'), /TOC\.md:2: expected a heading/);
});
