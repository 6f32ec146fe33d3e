import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { endpointOrigin, inlineScriptsOf, scriptHash, siteCsp } from './content-security-policy.ts';

test('hashes a script the way browsers do (the empty script has a well-known hash)', () => {
  assert.equal(scriptHash(''), 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
});

test('finds the inline scripts of a component, exactly as written, and only those', () => {
  const source = [
    '---',
    'const x = 1;',
    '---',
    '<script is:inline>\n\twindow.a = 1 < 2;\n</script>',
    '<script>import "./bundled.ts";</script>',
    '<script is:inline define:vars={{ x }}>console.log(x)</script>',
    '<script is:inline type="application/json" set:html={data} />',
    '<script is:inline aria-hidden="true">b()</script>',
  ].join('\n');
  assert.deepEqual(inlineScriptsOf(source), ['\n\twindow.a = 1 < 2;\n', 'b()']);
});

test('lets pages connect only to the site and to an absolute endpoint', () => {
  assert.equal(endpointOrigin('/api'), undefined);
  assert.equal(endpointOrigin(undefined), undefined);
  assert.equal(endpointOrigin('https://proxy.example:8443/api/v1'), 'https://proxy.example:8443');
});

test('never allows inline scripts without a hash, and hashes each listed script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-'));
  const component = join(dir, 'Theme.astro');
  writeFileSync(component, '<script is:inline>theme()</script>');
  const csp = siteCsp({
    inlineScripts: ['remember()'],
    componentFiles: [component],
    endpoint: 'https://proxy.example/api',
  });
  assert.ok(!csp.scriptDirective.resources.includes("'unsafe-inline'"));
  assert.deepEqual(csp.scriptDirective.hashes, [scriptHash('remember()'), scriptHash('theme()')]);
  assert.ok(csp.directives.includes("connect-src 'self' https://proxy.example"));
  assert.ok(csp.directives.includes("object-src 'none'"));
  assert.ok(csp.directives.includes("base-uri 'self'"));
});
