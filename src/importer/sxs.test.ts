import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportError } from './import-error.ts';
import { parseSxsBody } from './sxs.ts';

const pair = (id: string, target: string, source: string): string =>
  `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`;

test('reads every span pair with its id, texts and line', () => {
  const body = `# ${pair('a-1', '題', 'Title')}\n\n${pair('a-2', '一。', 'One.')} ${pair('a-3', '二。', 'Two.')}\n`;
  const parsed = parseSxsBody(body, 10);
  assert.deepEqual(parsed.segments, [
    { id: 'a-1', target: '題', source: 'Title', line: 10 },
    { id: 'a-2', target: '一。', source: 'One.', line: 12 },
    { id: 'a-3', target: '二。', source: 'Two.', line: 12 },
  ]);
});

test('keeps line numbers right after a segment that spans two lines', () => {
  const body = `${pair('a-1', '[x](https://x\n)', '[x](https://x\n)')}\n\n${pair('a-2', '後', 'After')}`;
  const parsed = parseSxsBody(body, 1);
  assert.equal(parsed.lineNumbers[parsed.lines.findIndex((line) => line.includes('\uE0031'))], 5);
  assert.equal(parsed.segments[1]?.line, 5);
});

const badBodies: Array<[name: string, body: string, message: RegExp]> = [
  [
    'a translated span that is never closed',
    '\n<span data-ttu-id="a-1">開いたまま',
    /unbalanced span: <span data-ttu-id="a-1"> is never closed/,
  ],
  [
    'a translated span without its English span',
    '\n<span data-ttu-id="a-1">訳</span> text',
    /translated span a-1 has no English source span/,
  ],
  [
    'a source span whose id does not pair',
    `\n<span data-ttu-id="a-1">訳</span><span class="sxs-lookup"><span data-stu-id="a-2">S</span></span>`,
    /source span a-2 does not pair with translated span a-1/,
  ],
  [
    'an English span without a translated span',
    '\n<span class="sxs-lookup"><span data-stu-id="a-1">S</span></span>',
    /English source span .* has no translated span/,
  ],
  ['a stray closing span', '\ntext</span>', /unbalanced span: <\/span> without an opening <span>/],
];

for (const [name, body, message] of badBodies) {
  test(`rejects ${name}, naming its line`, () => {
    assert.throws(
      () => parseSxsBody(body, 20),
      (error: unknown) => {
        assert.ok(error instanceof ImportError);
        assert.equal(error.line, 21);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}
