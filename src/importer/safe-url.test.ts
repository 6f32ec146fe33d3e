import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUrl, type UrlSyntax, type UrlVerdict } from './safe-url.ts';

const cases: Array<[name: string, target: string, syntax: UrlSyntax, verdict: UrlVerdict]> = [
  ['allows a relative article link', 'manage-customers.md#update', 'markdown', { kind: 'allowed' }],
  ['allows a fragment', '#see-also', 'markdown', { kind: 'allowed' }],
  ['allows an empty target', '', 'html', { kind: 'allowed' }],
  ['allows https in any case', 'HTTPS://partner.microsoft.com', 'markdown', { kind: 'allowed' }],
  ['allows a colon after a slash', 'docs/a:b', 'markdown', { kind: 'allowed' }],
  [
    'blocks javascript:',
    'javascript:alert(1)',
    'markdown',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  ['blocks data:', 'data:text/html,x', 'markdown', { kind: 'blocked', scheme: 'data' }],
  ['blocks vbscript:', 'vbscript:msgbox(1)', 'html', { kind: 'blocked', scheme: 'vbscript' }],
  [
    'blocks a scheme in capitals after spaces',
    '  JAVASCRIPT:x',
    'markdown',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a scheme broken by a tab',
    'java\tscript:x',
    'markdown',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a scheme broken by a newline reference',
    'java&NewLine;script:x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a scheme written with a hex reference',
    'jav&#x61;script:x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a scheme written with a decimal reference without semicolon',
    '&#106avascript:x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a scheme written with zero-padded references',
    '&#0000106;avascript:x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a colon written as &colon;',
    'javascript&colon;x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a colon escaped with a backslash in Markdown',
    'javascript\\:x',
    'markdown',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'blocks a leading control character',
    '\u0001javascript:x',
    'html',
    { kind: 'blocked', scheme: 'javascript' },
  ],
  [
    'reads a backslash in an HTML attribute as itself',
    'javascript\\:x',
    'html',
    { kind: 'allowed' },
  ],
  [
    'reads an unknown reference as text, which ends the scheme',
    'javascript&nosuch;:x',
    'html',
    { kind: 'allowed' },
  ],
  [
    'gives the address of a mailto: link',
    'mailto:a%40b.example?subject=x',
    'markdown',
    { kind: 'mailto', address: 'a@b.example' },
  ],
];

for (const [name, target, syntax, verdict] of cases) {
  test(name, () => assert.deepEqual(checkUrl(target, syntax), verdict));
}
