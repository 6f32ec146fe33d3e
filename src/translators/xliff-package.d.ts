// The `xliff` package ships no types; these cover the two converters we use.

/** One translation unit as the `xliff` package reads and writes it. */
interface XliffUnit {
  source?: string;
  target?: string;
  note?: string | string[];
}

/** A whole XLIFF document as the `xliff` package reads and writes it: files of units by id. */
interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  resources: Record<string, Record<string, XliffUnit>>;
}

declare module 'xliff/js2xliff' {
  /** Writes an XLIFF 2.0 document. */
  export default function js2xliff(document: XliffDocument): Promise<string>;
}

declare module 'xliff/xliff2js' {
  /** Reads an XLIFF 2.0 document. */
  export default function xliff2js(xml: string): Promise<XliffDocument>;
}
