import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A 1×1 grey PNG. */
const placeholderPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Writes a placeholder for every local image a page below `dir` refers to but does not have:
 * the corpus ships none of its images, and a build fails on a missing one. Returns how many.
 */
export function addImagePlaceholders(dir: string): number {
  let count = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.md')) continue;
    const page = join(dir, file);
    // Alt texts may hold brackets (`![**[設定]** …](images/x.png)`): look at the targets alone.
    const targets = readFileSync(page, 'utf8').matchAll(
      /\]\((?!https?:|\/)([^)\s]+\.(?:png|jpe?g|gif|svg|webp))\)/gi,
    );
    for (const match of targets) {
      const image = join(dirname(page), decodeURI(match[1] ?? ''));
      if (existsSync(image)) continue;
      mkdirSync(dirname(image), { recursive: true });
      writeFileSync(image, placeholderPng);
      count += 1;
    }
  }
  return count;
}
