import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapePlaceholders } from './placeholders.ts';

const cases: Array<[name: string, input: string, expected: string]> = [
  [
    'escapes placeholders in a URL path',
    '/subscriptions/<Subscription ID>/vm/<VM Instance Name>',
    '/subscriptions/&lt;Subscription ID>/vm/&lt;VM Instance Name>',
  ],
  [
    'keeps heading anchors',
    '## <a name="see-also"></a>関連項目',
    '## <a name="see-also"></a>関連項目',
  ],
  ['keeps line breaks and superscripts', 'a<br>b<sup>1</sup>', 'a<br>b<sup>1</sup>'],
  ['keeps HTML comments', '<!-- owner: someone -->', '<!-- owner: someone -->'],
  ['keeps code spans untouched', 'run `Get-Thing <Name>` now', 'run `Get-Thing <Name>` now'],
  ['keeps autolinks', 'see <https://partner.microsoft.com>', 'see <https://partner.microsoft.com>'],
  ['escapes a closing placeholder tag', 'x </Name> y', 'x &lt;/Name> y'],
];

for (const [name, input, expected] of cases) {
  test(name, () => assert.equal(escapePlaceholders(input), expected));
}
