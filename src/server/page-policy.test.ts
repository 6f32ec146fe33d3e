import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FALLBACK_PAGE_POLICY, PagePolicies, metaPolicyOf, pagePolicy } from './page-policy.ts';

const META = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;

describe('the policy meta of a page', () => {
  const FOUND: [label: string, html: string, policy: string | undefined][] = [
    [
      'in <head>',
      `<!doctype html><html><head>${META}</head><body></body></html>`,
      "script-src 'self'",
    ],
    [
      'after other head elements, with the attribute in capitals',
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title><META HTTP-EQUIV="Content-Security-Policy" CONTENT="img-src 'self'"></head></html>`,
      "img-src 'self'",
    ],
    [
      'the first of two',
      `<head>${META}<meta http-equiv="content-security-policy" content="img-src *"></head>`,
      "script-src 'self'",
    ],
    ['in the body', `<html><head></head><body>${META}</body></html>`, undefined],
    [
      'between </head> and <body>, where browsers move it into <head>',
      `<html><head><title>t</title></head>${META}<body></body></html>`,
      "script-src 'self'",
    ],
    ['in a comment in <head>', `<html><head><!-- ${META} --></head></html>`, undefined],
    [
      'inside a script in <head>',
      `<html><head><script>"${META}"</script></head></html>`,
      undefined,
    ],
    ['inside the title', `<html><head><title>${META}</title></head></html>`, undefined],
    ['missing', '<h1>home</h1>', undefined],
    [
      'a meta of another kind',
      `<head><meta http-equiv="refresh" content="0;url=/x"></head>`,
      undefined,
    ],
  ];
  for (const [label, html, policy] of FOUND) {
    test(`is ${policy ? 'read' : 'not found'} when it is ${label}`, () => {
      assert.equal(metaPolicyOf(html), policy);
    });
  }
});

describe('the header policy of a page', () => {
  test('repeats the meta’s directives and adds frame-ancestors and the missing defaults', () => {
    assert.equal(
      pagePolicy("default-src 'self';script-src 'self' 'sha256-abc='"),
      "default-src 'self'; script-src 'self' 'sha256-abc='; base-uri 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  test('keeps the meta’s own base-uri, object-src and form-action', () => {
    assert.equal(
      pagePolicy("default-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'"),
      "default-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
  });

  test('replaces a frame-ancestors in the meta with its own', () => {
    assert.equal(
      pagePolicy("frame-ancestors *; default-src 'self'"),
      "default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  test('joins values broken over lines, as a header cannot carry line breaks', () => {
    assert.equal(
      pagePolicy("default-src\n\t'self'  ;\r\n img-src 'self' data:;;"),
      "default-src 'self'; img-src 'self' data:; base-uri 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  const FALLBACKS: [label: string, meta: string | undefined][] = [
    ['there is no meta', undefined],
    ['the meta is empty', ''],
    ['the meta has only separators', ' ; ;'],
    ['a value has a comma, which would start a second policy in a header', "default-src 'self', *"],
    ['a value is not ASCII', "default-src 'self' https://例え.jp"],
    ['a directive name is not a name', "default_src 'self'"],
    ['a value has a control character', "default-src 'self'\u0000"],
  ];
  for (const [label, meta] of FALLBACKS) {
    test(`is the fallback policy when ${label}`, () => {
      assert.equal(pagePolicy(meta), FALLBACK_PAGE_POLICY);
    });
  }
});

describe('page policies of files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-policy-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const page = (policy: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body></body></html>`;

  test('reads a page once, and again when the file changes', () => {
    const path = join(dir, 'index.html');
    const policies = new PagePolicies();
    writeFileSync(path, page("img-src 'self'"));
    utimesSync(path, 1_000, 1_000);
    assert.match(policies.policyFor(path, statSync(path)), /^img-src 'self';/);

    // Same size and time: the cached policy stands, so the file was not read again.
    writeFileSync(path, page("img-src 'none'"));
    utimesSync(path, 1_000, 1_000);
    assert.match(policies.policyFor(path, statSync(path)), /^img-src 'self';/);

    utimesSync(path, 2_000, 2_000);
    assert.match(policies.policyFor(path, statSync(path)), /^img-src 'none';/);
  });

  test('answers with the fallback policy when the file cannot be read', () => {
    const path = join(dir, 'gone.html');
    writeFileSync(path, page("img-src 'self'"));
    const stat = statSync(path);
    rmSync(path);
    assert.equal(new PagePolicies().policyFor(path, stat), FALLBACK_PAGE_POLICY);
  });
});
