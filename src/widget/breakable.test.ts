import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { breakable } from './breakable.ts';

const rendered = (text: string) =>
  collectResultSync(render(html`<span>${breakable(text)}</span>`)).replace(
    /<!--[^>]*-->|<\?>/g,
    '',
  );

test('lets an email address wrap after its @ and dots, and nowhere else', () => {
  assert.equal(
    rendered('billing@contoso.onmicrosoft.com'),
    '<span>billing@<wbr />contoso.<wbr />onmicrosoft.<wbr />com</span>',
  );
});

test('keeps markup in the text as text', () => {
  assert.equal(rendered('<b>x</b>.y'), '<span>&lt;b&gt;x&lt;/b&gt;.<wbr />y</span>');
});
