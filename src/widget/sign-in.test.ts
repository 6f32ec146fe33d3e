import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInHref } from './sign-in.ts';

const origin = 'https://help.example';
const returnTo = '/ja-jp/article/?cau-step=update&cau-customer=c1';

test('adds returnTo to a same-origin sign-in path', () => {
  const href = signInHref('/auth/sign-in?prompt=login', returnTo, origin);
  const url = new URL(href ?? '', origin);
  assert.equal(url.pathname, '/auth/sign-in');
  assert.equal(url.searchParams.get('prompt'), 'login');
  assert.equal(url.searchParams.get('returnTo'), returnTo);
});

for (const hostile of [
  'https://evil.example/sign-in',
  '//evil.example/sign-in',
  '/\\evil.example/sign-in',
  '/\t/evil.example/sign-in',
  'javascript:alert(1)',
  'data:text/html,hi',
  'auth/sign-in',
  '',
  undefined,
]) {
  test(`refuses ${JSON.stringify(hostile)} as a sign-in URL`, () => {
    assert.equal(signInHref(hostile, returnTo, origin), undefined);
  });
}
