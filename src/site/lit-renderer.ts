import lit from '@astrojs/lit';
import type { AstroIntegration } from 'astro';

/**
 * `@astrojs/lit` without the declarative-shadow-DOM polyfill it inlines into the head of every
 * page (2.4 KB of script a reader of an article does not need). Every browser the site supports
 * parses declarative shadow DOM itself (Chrome 111, Safari 16.4, Firefox 123); the renderer and
 * the widget's hydration are unchanged.
 */
export function litRenderer(): AstroIntegration {
  const integration = lit();
  const setup = integration.hooks['astro:config:setup'];
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': (options) =>
        setup?.({
          ...options,
          injectScript: (stage, content) => {
            if (stage !== 'head-inline') options.injectScript(stage, content);
          },
        }),
    },
  };
}
