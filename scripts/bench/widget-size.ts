import type { Metafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleWidget, root, widgetEntry } from '../widget-bundle.ts';
import { gzipSize } from './gzip-size.ts';

/** One file of the widget bundle and its gzipped size. */
export interface SizedFile {
  /** Path relative to the bundle folder. */
  readonly file: string;
  readonly gz: number;
}

/** What <customer-account-update> costs a page. */
export interface WidgetSize {
  /** Per language: the entry chunk, the chunks it imports statically, and that language's strings. */
  readonly firstLoad: readonly { lang: string; files: SizedFile[]; gz: number }[];
  /** Loaded when the Update step opens (form templates; form checks with phone metadata). */
  readonly updateStep: { files: SizedFile[]; gz: number };
}

/** The widget's languages, as its strings are named in `locales/`. */
export const widgetLanguages = ['en', 'ja-JP', 'zh-TW'] as const;

/**
 * Bundles the element the way a browser gets it (esbuild, minified, code-split ES modules, see
 * widget-bundle.ts) into `outdir` and measures what a reader downloads for each language before
 * the Update step, and what that step adds.
 */
export async function measureWidget(
  outdir: string,
  langs: readonly string[] = widgetLanguages,
): Promise<WidgetSize> {
  const outputs: Metafile['outputs'] = await bundleWidget(outdir);
  const sized = (files: readonly string[]): { files: SizedFile[]; gz: number } => {
    const list = files.map((file) => ({
      file: relative(outdir, join(root, file)),
      gz: gzipSize(readFileSync(join(root, file))),
    }));
    return { files: list, gz: list.reduce((sum, file) => sum + file.gz, 0) };
  };
  /** The entry chunk and every chunk it imports statically: what the first render needs. */
  const staticClosure = (start: string): string[] => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dependency of outputs[file]?.imports ?? [])
        if (dependency.kind === 'import-statement') visit(dependency.path);
    };
    visit(start);
    return [...seen];
  };
  /** The output chunk whose own inputs include `input`. */
  const chunkOf = (input: string): string => {
    const chunk = Object.keys(outputs).find(
      (file) => file.endsWith('.js') && outputs[file]?.inputs[input] !== undefined,
    );
    if (!chunk) throw new Error(`the widget bundle has no chunk with ${input}`);
    return chunk;
  };
  const entryChunk = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === widgetEntry);
  if (!entryChunk) throw new Error(`the widget bundle has no entry chunk for ${widgetEntry}`);
  const firstLoad = staticClosure(entryChunk);
  const updateStep = [
    ...new Set([
      ...staticClosure(chunkOf('src/widget/update-steps.ts')),
      ...staticClosure(chunkOf('src/contract/phone.ts')),
    ]),
  ].filter((file) => !firstLoad.includes(file));
  return {
    firstLoad: langs.map((lang) => ({
      lang,
      ...sized([...firstLoad, chunkOf(`locales/${lang}/widget.json`)]),
    })),
    updateStep: sized(updateStep),
  };
}
