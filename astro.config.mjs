// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { litRenderer } from './src/site/lit-renderer.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { localizedSite } from './src/site/localized-site.ts';
import { siteLocales } from './src/site/locales.ts';
import { contentDirs } from './src/site/content-dirs.ts';
import { rememberLocaleScript } from './src/site/remembered-locale.ts';
import { dismissedNoticeScript } from './src/site/translation/dismissed-notice.ts';
import { siteCsp, starlightComponentFiles } from './src/site/content-security-policy.ts';
import { siteEndpoint } from './src/site/site-endpoint.ts';
import { translationCheckIntegration } from './src/translators/build-check.ts';
import { fallbackSitemapIntegration } from './src/site/fallback-pages.ts';
import { siteUrl } from './src/site/site-url.ts';
import { buildEnv } from './src/site/build-env.ts';

const contentFolders = contentDirs();
// The variables as Astro sees them (`.env` files too), so a value the pages use is also checked.
const env = buildEnv(fileURLToPath(new URL('./', import.meta.url)), process.argv);
const publicSite = siteUrl(env, process.argv);
if (publicSite.warning) console.warn(`partner-help: ${publicSite.warning}`);
const headScript = rememberLocaleScript(siteLocales.map((locale) => locale.folder));
const noticeScript = dismissedNoticeScript();
const site = localizedSite({
  contentDirs: contentFolders.map((dir) => fileURLToPath(new URL(`./${dir}/`, import.meta.url))),
  localesDir: fileURLToPath(new URL('./locales/', import.meta.url)),
});

export default defineConfig({
  // A build from another content folder (the corpus check) keeps its own content cache, so its
  // pages never linger in the cache of the site's own builds.
  ...(process.env.CONTENT_DIR ? { cacheDir: `${process.env.CONTENT_DIR}/../.astro-cache` } : {}),
  // Absolute URLs (canonical, hreflang alternates) need the public origin; set SITE_URL when deploying.
  site: publicSite.url,
  trailingSlash: 'always',
  // A Content-Security-Policy in every page: Astro hashes the scripts it bundles; siteCsp adds
  // the hashes of the inline scripts Starlight and we write (see content-security-policy.ts).
  security: {
    csp: siteCsp({
      inlineScripts: [headScript, noticeScript],
      componentFiles: [
        ...starlightComponentFiles(
          fileURLToPath(new URL('./node_modules/@astrojs/starlight/', import.meta.url)),
        ),
        fileURLToPath(new URL('./src/site/components/Search.astro', import.meta.url)),
      ],
      endpoint: siteEndpoint(env),
    }),
  },
  markdown: {
    // Our plugins go first: they localize asides and heading links before Starlight's run.
    processor: satteri({ mdastPlugins: site.mdastPlugins, hastPlugins: site.hastPlugins }),
  },
  integrations: [
    // The translators' check (`npm run i18n:check`): a broken locale file or article stops the
    // build with the same lines, before any page is written.
    translationCheckIntegration({
      root: fileURLToPath(new URL('./', import.meta.url)),
      contentDirs: contentFolders,
    }),
    starlight({
      title: Object.fromEntries(siteLocales.map((locale) => [locale.lang, locale.siteTitle])),
      defaultLocale: 'en',
      // Our 404 page speaks all three languages (src/pages/404.astro).
      disable404Route: true,
      locales: Object.fromEntries(
        siteLocales.map((locale) => [locale.folder, { label: locale.label, lang: locale.lang }]),
      ),
      expressiveCode: { getBlockLocale: site.codeBlockLang },
      markdown: { headingLinks: false, processedDirs: contentFolders.map((dir) => `./${dir}`) },
      plugins: [site.starlightPlugin],
      // Starlight loads the styles of heading links only when it makes them itself; ours replace
      // its own (see src/site/markdown/heading-anchors.ts), with the same markup.
      customCss: [
        './src/site/styles/layer-order.css',
        './node_modules/@astrojs/starlight/dist/style/anchor-links.css',
        './src/site/styles/cjk.css',
        './src/site/styles/missing-image.css',
        './src/site/styles/site-chrome.css',
      ],
      head: [
        {
          // Remembers the language being read, so `/` can send the reader back to it next time.
          tag: 'script',
          content: headScript,
        },
        {
          // Hides a machine translation notice the reader dismissed before it is painted.
          tag: 'script',
          content: noticeScript,
        },
      ],
      routeMiddleware: './src/site/route-middleware.ts',
      components: {
        PageTitle: './src/site/components/PageTitle.astro',
        Sidebar: './src/site/components/Sidebar.astro',
        Footer: './src/site/components/Footer.astro',
        Search: './src/site/components/Search.astro',
        MarkdownContent: './src/site/components/MarkdownContent.astro',
        // Starlight's social links, then who is signed in (proxy mode) with a sign-out button.
        SocialIcons: './src/site/components/SocialIcons.astro',
      },
      // The navigation comes from TOC.md (components/Sidebar.astro): an empty Starlight sidebar
      // keeps Starlight from building a 220-link tree into every page.
      sidebar: [],
    }),
    // Server-renders the task widget (declarative shadow DOM) and hydrates it in the browser.
    litRenderer(),
    // English pages served under another locale are not that locale's pages for search engines.
    fallbackSitemapIntegration(fileURLToPath(new URL('./', import.meta.url)), contentFolders),
  ],
});
