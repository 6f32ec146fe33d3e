import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedArticle, writeContentSample } from '../site/content-sample.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));

/** What a site build needs, copied; node_modules is the project's. */
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'locales',
  'public',
];

/**
 * A copy of the project with Korean added the way locales/README.md says: one entry in
 * src/site/locales.ts and a copy of locales/en/ in Korean's plural forms (translated later).
 */
function projectWithKorean(): string {
  // Inside the project, so Node and Vite find its node_modules the ordinary way, up the tree.
  const root = mkdtempSync(join(project, '.fourth-language-'));
  for (const name of PROJECT_FILES)
    cpSync(join(project, name), join(root, name), { recursive: true });
  // The seed article alone: a build of every article in four languages would take minutes, and
  // a fourth language needs nothing of them.
  writeContentSample(join(project, 'content'), join(root, 'content'), [seedArticle]);
  const locales = join(root, 'src/site/locales.ts');
  writeFileSync(
    locales,
    readFileSync(locales, 'utf8').replace(
      '] as const satisfies readonly SiteLocale[];',
      `  { folder: 'ko-kr', lang: 'ko-KR', label: '한국어', learnLocale: 'ko-kr', siteTitle: '파트너 센터' },\n] as const satisfies readonly SiteLocale[];`,
    ),
  );
  // The copy's own Astro cache, so its content never lingers in the project's; the project's
  // node_modules is one folder up.
  const config = join(root, 'astro.config.mjs');
  writeFileSync(
    config,
    readFileSync(config, 'utf8')
      .replaceAll('./node_modules/', '../node_modules/')
      .replace(
        'export default defineConfig({',
        "export default defineConfig({\n  cacheDir: './.astro-cache',",
      ),
  );
  cpSync(join(root, 'locales/en'), join(root, 'locales/ko-KR'), { recursive: true });
  // Korean has one plural form, "other": the English "one" forms go, as a translator would drop them.
  for (const file of ['site.json', 'widget.json']) {
    const path = join(root, 'locales/ko-KR', file);
    const strings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    for (const key of Object.keys(strings)) if (key.endsWith('_one')) delete strings[key];
    writeFileSync(path, JSON.stringify(strings, null, 2));
  }
  return root;
}

const run = (root: string, args: string[]) =>
  spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });

test(
  'a fourth language is configuration plus files: it builds, and the check names what it lacks',
  { timeout: 240_000 },
  () => {
    const root = projectWithKorean();
    try {
      const astro = join(project, 'node_modules/astro/bin/astro.mjs');
      const built = run(root, [astro, 'build', '--outDir', 'dist']);
      assert.equal(built.status, 0, (built.stdout + built.stderr).slice(-3000));
      assert.ok(existsSync(join(root, 'dist/ko-kr/index.html')));
      assert.ok(existsSync(join(root, 'dist/ko-kr/translators/index.html')));
      assert.match(
        readFileSync(
          join(root, 'dist/ko-kr/partner-center/update-customer-account-info/index.html'),
          'utf8',
        ),
        /<html[^>]* lang="ko-KR"/,
      );

      // Korean is still English: the check warns about every string, and a missing one is an error.
      const widget = join(root, 'locales/ko-KR/widget.json');
      const strings = JSON.parse(readFileSync(widget, 'utf8')) as Record<string, string>;
      delete strings['customers.heading'];
      writeFileSync(widget, JSON.stringify(strings, null, 2));
      const missing = `locales/ko-KR/widget.json: customers.heading: missing; translate "Customers"`;
      const check = run(root, ['src/translators/check-cli.ts']);
      assert.equal(check.status, 1);
      assert.ok(check.stdout.split('\n').includes(missing), check.stdout);
      assert.match(
        check.stdout,
        /locales\/ko-KR\/site\.json:\d+: warning: site\.home\.title: same as English/,
      );

      // The build stops with the same line, before writing anything.
      rmSync(join(root, 'dist'), { recursive: true });
      const failed = run(root, [astro, 'build', '--outDir', 'dist']);
      assert.notEqual(failed.status, 0);
      assert.ok((failed.stdout + failed.stderr).includes(missing), failed.stdout + failed.stderr);
      assert.ok(!existsSync(join(root, 'dist/index.html')));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
