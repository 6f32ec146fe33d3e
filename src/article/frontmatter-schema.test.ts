import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ArticleFrontmatterSchema,
  endpointProblem,
  isAllowedEndpoint,
} from './frontmatter-schema.ts';

const allowed = [
  'https://api.example.com/account',
  'https://proxy.example:8443/api/',
  '/api',
  '/a/b?c=d',
];

for (const endpoint of allowed) {
  test(`accepts ${endpoint} as an endpoint`, () => {
    assert.equal(endpointProblem(endpoint), undefined);
    assert.ok(isAllowedEndpoint(endpoint));
  });
}

const refused: Array<[endpoint: string, message: RegExp]> = [
  ['http://evil.example/api', /Use an https: address, not http:/],
  ['javascript:alert(1)', /Use an https: address, not javascript:/],
  ['data:text/html,<script>x</script>', /Use an https: address, not data:/],
  ['//evil.example/api', /Use a path on this site that starts with a single \//],
  ['/\\evil.example/api', /Use a path on this site that starts with a single \//],
  ['https://user:secret@api.example.com/', /Remove the user name and password/],
  ['https://api.example.com@evil.example/', /Remove the user name and password/],
  [' https://api.example.com/', /Remove the spaces and invisible characters/],
  ['https://api.example.com/\napi', /Remove the spaces and invisible characters/],
  ['https://api.example.com/\u200Bapi', /Remove the spaces and invisible characters/],
  ['https://evil.example\u202E/moc.elpmaxe.ipa', /Remove the spaces and invisible characters/],
  ['api.example.com/account', /Use an https: address or a path on this site/],
  ['', /Use an https: address or a path on this site/],
];

for (const [endpoint, message] of refused) {
  test(`refuses ${JSON.stringify(endpoint)} as an endpoint, saying what to use instead`, () => {
    assert.match(endpointProblem(endpoint) ?? '', message);
    assert.equal(isAllowedEndpoint(endpoint), false);
  });
}

test('fails a hand-edited page whose endpoint is not https, naming the key', () => {
  const result = ArticleFrontmatterSchema.safeParse({
    'ms.contentlocale': 'ja-JP',
    endpoint: 'http://evil.example/api',
  });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, ['endpoint']);
  assert.match(
    result.error?.issues[0]?.message ?? '',
    /like https:\/\/api\.example\.com\/account or \/api/,
  );
});

test('accepts ms.custom as text or a list and ms.locfileid as text or a number, unchanged', () => {
  const page = {
    'ms.contentlocale': 'ja-JP',
    'ms.custom': ['seodec18', 'SEOAPR.20'],
    'ms.locfileid': 75647993,
    'f1.keywords': ['NOCSH'],
  };
  assert.deepEqual(ArticleFrontmatterSchema.parse(page), page);
  const quoted = {
    'ms.contentlocale': 'zh-TW',
    'ms.custom': 'seodec18',
    'ms.locfileid': '82797766',
  };
  assert.deepEqual(ArticleFrontmatterSchema.parse(quoted), quoted);
});
