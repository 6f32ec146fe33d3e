import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file below tests/fixtures/sxs/ (the importer's own small inputs). */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../../tests/fixtures/sxs/${relative}`, import.meta.url));
}

/** Absolute path of a file below the repository's sources/sxs/ (the seed articles). */
export function seedPath(relative: string): string {
  return fileURLToPath(new URL(`../../sources/sxs/${relative}`, import.meta.url));
}

/** 1-based line of the first line of `file` that contains `needle`. */
export function lineContaining(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${needle} is not in ${file}`);
  return index + 1;
}
