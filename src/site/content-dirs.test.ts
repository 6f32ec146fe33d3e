import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleIdOf, contentDirs } from './content-dirs.ts';

test('builds from CONTENT_DIR instead of content/ when given one inside the project', () => {
  assert.deepEqual(contentDirs({ CONTENT_DIR: '.corpus-build/content/' }), [
    '.corpus-build/content',
  ]);
  assert.throws(() => contentDirs({ CONTENT_DIR: '/tmp/content' }), /inside the project/);
  assert.throws(() => contentDirs({ CONTENT_DIR: '../content' }), /inside the project/);
});

test('builds from content/ alone unless test pages are asked for', () => {
  assert.deepEqual(contentDirs({}), ['content']);
  assert.deepEqual(contentDirs({ INCLUDE_TEST_PAGES: '1' }), ['content', 'tests/fixtures/content']);
});

const ids = [
  [
    'content/ja-jp/partner-center/update-customer-account-info.md',
    'ja-jp/partner-center/update-customer-account-info',
  ],
  ['content/en/partner-center/Azure-expert-msp.md', 'en/partner-center/azure-expert-msp'],
  ['tests/fixtures/content/en/partner-center/only-english.md', 'en/partner-center/only-english'],
] as const;
for (const [file, id] of ids) {
  test(`gives ${file} the id ${id}`, () => {
    assert.equal(articleIdOf(file, contentDirs({ INCLUDE_TEST_PAGES: '1' })), id);
  });
}
