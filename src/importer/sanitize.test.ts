import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markSegment, replaceMarkedSegments } from './marks.ts';
import { sanitizeMarkdown } from './sanitize.ts';
import { activeMarkup } from './test-render.ts';

const keptAsWritten: Array<[name: string, markdown: string]> = [
  ['keeps heading anchors', '## <a name="see-also"></a>関連項目'],
  ['keeps line breaks and superscripts', 'a<br>b<sup>1</sup> c</br>'],
  ['keeps HTML comments', '<!-- owner: someone -->'],
  ['keeps a comment that spans lines', '<!-- first line\n\nsecond line -->\nText'],
  ['keeps code spans untouched', 'run `Get-Thing <Name>` now'],
  ['keeps autolinks to https addresses', 'see <https://partner.microsoft.com>'],
  ['keeps e-mail autolinks', 'write to <ocina@microsoft.com>'],
  [
    'keeps relative, fragment and https links',
    '[a](a.md) [b](#b) [c](https://c.example/x?y=1&z=2)',
  ],
  [
    'keeps the row classes and column widths of converted tables',
    '<table><colgroup><col width="50%" /></colgroup><tr class="odd"><td>x</td></tr></table>',
  ],
  ['keeps an anchor with an empty href and an id', '<a href="" id="userlicensing"></a>'],
  [
    'keeps a fenced code block as written',
    '```html\n<script>alert(1)</script>\n[x](javascript:y)\n```',
  ],
  [
    'keeps a fenced code block inside a list item as written',
    '1.  Run:\n\n    ```xml\n    <Subscription id="1"/>\n    ```',
  ],
  ['keeps a less-than sign that starts no tag', 'a < b, <ステップ 3 の値>'],
];

for (const [name, markdown] of keptAsWritten) {
  test(name, () => {
    assert.deepEqual(sanitizeMarkdown(markdown), { text: markdown, changes: [] });
  });
}

const rewritten: Array<[name: string, markdown: string, expected: string]> = [
  [
    'escapes placeholders in a URL path so they stay visible',
    '/subscriptions/<Subscription ID>/vm/<VM Instance Name>',
    '/subscriptions/&lt;Subscription ID>/vm/&lt;VM Instance Name>',
  ],
  ['escapes a closing placeholder tag', 'x </Name> y', 'x &lt;/Name> y'],
  [
    'escapes an iframe as visible text',
    '<iframe src="https://evil.example/"></iframe>',
    '&lt;iframe src="https://evil.example/">&lt;/iframe>',
  ],
  [
    'escapes an image with an onerror handler as visible text',
    'a <img src=x onerror=alert(1)> b',
    'a &lt;img src=x onerror=alert(1)> b',
  ],
  [
    'escapes a script tag split over two lines',
    '<script\n>alert(1)</script>',
    '&lt;script\n>alert(1)&lt;/script>',
  ],
  [
    'escapes an image tag split over three lines',
    'x <img\nsrc=x\nonerror=alert(1)>',
    'x &lt;img\nsrc=x\nonerror=alert(1)>',
  ],
  [
    'escapes a details element with an ontoggle handler',
    '<details open ontoggle=alert(1)>x</details>',
    '&lt;details open ontoggle=alert(1)>x&lt;/details>',
  ],
  [
    'escapes a backslash-escaped tag so it shows in HTML blocks too',
    '<p>\\<img src=x onerror=alert(1)></p>',
    '<p>&lt;img src=x onerror=alert(1)></p>',
  ],
  [
    'drops an event handler from an allowed tag',
    '<a href="x.md" onclick="alert(1)">t</a>',
    '<a href="x.md">t</a>',
  ],
  ['drops a style attribute from a paragraph', '<p style="position:fixed">x</p>', '<p>x</p>'],
  [
    'drops a javascript: href from a raw anchor and keeps the anchor text',
    '<a href="java&#x09;script:alert(1)">t</a>',
    '<a>t</a>',
  ],
  [
    'writes an allowed tag so no attribute value can end it',
    "<a title='x\">y' name=a|b>t</a>",
    '<a title="x&quot;&gt;y" name="a&#124;b">t</a>',
  ],
  [
    'removes a javascript: link and keeps its text',
    'see [here](javascript:alert(1)).',
    'see here.',
  ],
  ['removes a data: link and keeps its text', '[x](data:text/html,<b>)', 'x'],
  ['removes a data: image and keeps its alt text', '![alt](data:image/png;base64,AAAA)', 'alt'],
  ['catches javascript: written with character references', '[x](jav&#x61;script&colon;y)', 'x'],
  ['catches javascript: broken by a tab', '[x](<java\tscript:y>)', 'x'],
  ['catches javascript: in capitals after a space', '[x]( JAVASCRIPT:y)', 'x'],
  ['catches javascript: broken by a backslash escape', '[x](javascript\\:y)', 'x'],
  [
    'removes a reference definition to javascript:',
    'a [x][d]\n\n[d]: javascript:alert(1)',
    'a [x][d]\n\n',
  ],
  [
    'turns a javascript: autolink into text',
    '<javascript:alert(1)>',
    'javascript&#58;alert&#40;1&#41;',
  ],
  [
    'keeps an autolink turned into text apart from the target before it',
    '[a](x<javascript:alert(1)>)',
    '[a](x\u200Bjavascript&#58;alert&#40;1&#41;)',
  ],
  [
    'turns a mailto: link into its text and the address',
    '[RSC Support Escalations](mailto:usgcce@microsoft.com)',
    'RSC Support Escalations (usgcce@microsoft.com)',
  ],
  [
    'turns a mailto: link whose text is the address into the address',
    '[CPVHelp@microsoft.com](mailto:CPVHelp@microsoft.com)',
    'CPVHelp@microsoft.com',
  ],
  [
    'writes a code span that a link target could end as HTML code',
    '[a](`b) <img src=x onerror=alert(1)> `',
    '[a](<code>b&#41; &#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62; </code>',
  ],
  [
    'writes a code span that a table cell boundary could split as HTML code',
    '| `x | <img src=x onerror=alert(1)>` | y |',
    '| <code>x &#124; &#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;</code> | y |',
  ],
  [
    'escapes a comment that browsers would end early',
    '<!-- a --!> <img src=x onerror=alert(1)> -->',
    '&lt;!-- a --!> &lt;img src=x onerror=alert(1)> -->',
  ],
  [
    'escapes what a fence inside an HTML block does not protect',
    '<table>\n```\n<img src=x onerror=alert(1)>\n```',
    '<table>\n```\n&lt;img src=x onerror=alert(1)>\n```',
  ],
  [
    'escapes what an indented fence after a paragraph does not protect',
    'text\n        ```\n<img src=x onerror=alert(1)>\n        ```',
    'text\n        ```\n&lt;img src=x onerror=alert(1)>\n        ```',
  ],
  [
    'does not let a removed link join the text around it into a new link',
    '[a[b]](javascript:x)(javascript:y)',
    'a[b]\u200B(javascript:y)',
  ],
  [
    'does not let a removed link join the text around it into a tag',
    '<[a](javascript:x) onclick=alert(1)>',
    '<\u200Ba onclick=alert(1)>',
  ],
];

for (const [name, markdown, expected] of rewritten) {
  test(name, () => {
    const { text } = sanitizeMarkdown(markdown);
    assert.equal(text, expected);
    assert.deepEqual(activeMarkup(text), []);
  });
}

test('shows that the hostile inputs above are live without it', () => {
  const live = rewritten.filter(([, markdown]) => activeMarkup(markdown).length > 0);
  assert.ok(live.length >= 20, `only ${live.length} of the inputs are live`);
});

test('reports each removal with its offset and what was removed', () => {
  assert.deepEqual(sanitizeMarkdown('ok <iframe src=x> [a](javascript:b)').changes, [
    { offset: 3, message: 'escaped <iframe src=x> as text: <iframe> is not an allowed element' },
    { offset: 18, message: 'removed a link to javascript:b, kept its text' },
  ]);
});

test('does not report placeholders, which are escaped every day', () => {
  assert.deepEqual(sanitizeMarkdown('<Subscription ID> <VM Instance Name>').changes, []);
});

test('keeps every segment marker when it removes markup around and inside segments', () => {
  const marked = `[${markSegment(0, 'x](java')}${markSegment(1, 'script:y) <iframe')}>${markSegment(2, '<a href="x"')} onclick="y">`;
  const { text } = sanitizeMarkdown(marked);
  const segments: string[] = [];
  const plain = replaceMarkedSegments(text, (index, segmentText) => {
    segments[Number(index)] = segmentText;
    return segmentText;
  });
  assert.equal(segments.length, 3);
  assert.equal(plain, 'x &lt;iframe><a href="x">');
  assert.deepEqual(activeMarkup(plain), []);
});

test('reads the text again when what it changed makes new syntax', () => {
  // Writing the code span as HTML takes the backticks out of the first line, which makes it a fence.
  const markdown = '```x `a|<b>`\n<img src=x onerror=alert(1)>';
  const { text } = sanitizeMarkdown(markdown);
  assert.equal(text, '```x <code>a&#124;&#60;b&#62;</code>\n&lt;img src=x onerror=alert(1)>');
  assert.deepEqual(activeMarkup(text), []);
});

test('escapes every markup character when the text does not settle', () => {
  const markdown = '```x `a|<b>`\n[x](y.md)';
  assert.deepEqual(sanitizeMarkdown(markdown, 1), {
    text: '&#96;&#96;&#96;x &#60;code>a&#124;&#60;b&#62;&#60;/code>\n&#91;x&#93;(y.md)',
    changes: [
      {
        offset: 0,
        message:
          'escaped every <, [, ] and ` of the page: its markup could not be made safe otherwise',
      },
    ],
  });
});
