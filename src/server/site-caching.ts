import type { FastifyInstance, FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import { constants } from 'node:zlib';

/** Files whose names carry a hash of their content (Astro's build output): they never change. */
const HASHED_ASSET = /\/_astro\//;

/** For hashed assets: cache for a year, and do not even revalidate. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** For everything else (pages, the search index, the widget): cache, but ask first (ETag). */
export const REVALIDATE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * The answers worth compressing: @fastify/compress's default list without `octet-stream`, which
 * it includes. Pagefind's index and WebAssembly files (`.pf_meta`, `.pf_fragment`, `.pagefind`)
 * are served as `application/octet-stream` and are gzip already; compressed again they reach the
 * browser as gzip labelled brotli, and search fails with ERR_CONTENT_DECODING_FAILED. Types not
 * listed here are still compressed when mime-db calls them compressible (CSS, JavaScript, SVG).
 */
const COMPRESSIBLE_TYPES =
  /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

/**
 * Compresses text answers (pages, CSS, scripts, JSON) with brotli or gzip, whichever the browser
 * prefers; files that are compressed already (the search index) go as they are. Brotli at
 * quality 5, not zlib's default 11: the site is compressed per request, and 11 costs ten times
 * the CPU for a few per cent.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE_TYPES,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}

/**
 * `Cache-Control` of a site file, set in `@fastify/static`'s `setHeaders` (which sends an ETag
 * and `Last-Modified` with every file, and answers `If-None-Match` with 304).
 */
export function setSiteCacheControl(reply: FastifyReply, path: string): void {
  reply.header(
    'cache-control',
    HASHED_ASSET.test(path.replaceAll('\\', '/'))
      ? IMMUTABLE_CACHE_CONTROL
      : REVALIDATE_CACHE_CONTROL,
  );
}
