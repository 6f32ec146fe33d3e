import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeArticleHtml } from './sanitize-article-html.ts';

const hostile = [
  ['an image with an onerror handler', '<img src="x" onerror="alert(1)">', '<img src="x">'],
  ['an iframe', '<p>a<iframe src="https://evil.example/"></iframe>b</p>', '<p>ab</p>'],
  [
    'details with an ontoggle handler',
    '<details open ontoggle="alert(1)"><summary>s</summary></details>',
    '<details open><summary>s</summary></details>',
  ],
  ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'x'],
  ['an entity-encoded javascript: link', '<a href="jav&#x61;script:alert(1)">x</a>', 'x'],
  ['a javascript: link with a tab inside', '<a href="java\tscript:alert(1)">x</a>', 'x'],
  ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', 'x'],
  [
    'a data: image',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="a">',
    '<img alt="a">',
  ],
  [
    'a mailto: link, keeping the address as text',
    '<a href="mailto:a@b.example">a@b.example</a>',
    'a@b.example',
  ],
  ['a script split over two lines', '<p>a</p><script\n>alert(1)</script>', '<p>a</p>'],
  [
    'an inline script that names a code-block file',
    '<script type="module" src="/_astro/ec.a1.js">alert(1)</script>',
    '',
  ],
  [
    'a script from elsewhere',
    '<script type="module" src="https://evil.example/x.js"></script>',
    '',
  ],
  ['a stylesheet from elsewhere', '<link rel="stylesheet" href="https://evil.example/x.css">', ''],
  ['a style element', '<style>body{display:none}</style><p>a</p>', '<p>a</p>'],
  ['a style attribute', '<p style="position:fixed;inset:0">a</p>', '<p>a</p>'],
  ['a form', '<form action="https://evil.example/"><input name="card"></form>', ''],
  [
    'an svg with an onload handler',
    '<svg onload="alert(1)"><path d="M0"></path></svg>',
    '<svg><path d="M0"></path></svg>',
  ],
  [
    "the site's own classes used to dress up content",
    '<div class="sl-banner sl-hidden">a</div>',
    '<div>a</div>',
  ],
  ["an id that shadows the page's own", '<h2 id="starlight__sidebar">a</h2>', '<h2>a</h2>'],
  ['an object', '<object data="x.swf"></object>', ''],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
  ['a base element', '<base href="https://evil.example/">', ''],
  ['an HTML comment', '<p>a<!-- <img src=x onerror=alert(1)> --></p>', '<p>a</p>'],
] as const;

for (const [what, input, expected] of hostile) {
  test(`removes ${what}`, () => {
    assert.equal(sanitizeArticleHtml(input), expected);
  });
}

test('keeps a placeholder that was escaped as visible text', () => {
  assert.equal(
    sanitizeArticleHtml('<p>Enter &lt;Subscription ID&gt; here</p>'),
    '<p>Enter &#x3C;Subscription ID> here</p>',
  );
});

const kept = [
  [
    "a heading with its stable anchor and the site's heading link",
    '<div class="sl-heading-wrapper level-h2"><h2 id="update-customer-details">x</h2><a class="sl-anchor-link" href="#update-customer-details"><span aria-hidden="true" class="sl-anchor-icon"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M1 1"></path></svg></span><span class="sr-only" data-pagefind-ignore="">Link</span></a></div>',
  ],
  [
    'an aside',
    '<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title" aria-hidden="true"><svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" class="starlight-aside__icon"><path fill-rule="evenodd" d="M1 1" clip-rule="evenodd"></path></svg>Note</p><div class="starlight-aside__content"><p>x</p></div></aside>',
  ],
  [
    'a table with aligned columns',
    '<table><thead><tr><th style="text-align: center">a</th></tr></thead><tbody><tr><td style="text-align: left" colspan="2">b</td></tr></tbody></table>',
  ],
  [
    'a code block with its stylesheet, script, colours and copy button',
    '<div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.w36nc.css"><script type="module" src="/_astro/ec.0vx5m.js"></script><figure class="frame not-content"><figcaption class="header"></figcaption><pre data-language="plaintext"><code><div class="ec-line"><div class="code"><span style="--0:#d6deeb;--1:#403f53">x &#x3C;br></span></div></div></code></pre><div class="copy"><div aria-live="polite"></div><button title="Copy to clipboard" data-copied="Copied!" data-code="x <br>"><div></div></button></div></figure></div>',
  ],
  [
    'links to other sites, other pages and other sections, and an image',
    '<p><a href="https://learn.microsoft.com/x">a</a> <a href="../other/">b</a> <a href="#c">c</a> <img src="images/x.png" alt="x" width="10" height="10"></p>',
  ],
  ['a named anchor', '<p><a name="old-anchor"></a>x</p>'],
  [
    'lists, emphasis and keyboard keys',
    '<ol start="3"><li><strong>a</strong> <em>b</em> <kbd>Ctrl</kbd> <code>c</code></li></ol>',
  ],
] as const;

for (const [what, html] of kept) {
  test(`keeps ${what} as it is`, () => {
    assert.equal(sanitizeArticleHtml(html), html);
  });
}
