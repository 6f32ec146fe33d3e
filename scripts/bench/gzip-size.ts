import { gzipSync } from 'node:zlib';

/**
 * Gzipped size in bytes, at level 9, the one measure of "KB gz" in every budget and benchmark
 * (what a server that compresses at its best sends).
 */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Bytes as kilobytes with one decimal: `12.3 KB`. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
