/** A defect in an input file that stops it from being imported; `line` is 1-based in that file. */
export class ImportError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
  }
}

/** Kinds of warnings, so reports can group them. */
export type WarningKind =
  | 'unpaired-links'
  | 'missing-image'
  | 'english-differs'
  | 'unmatched-bold'
  | 'site-owned-key'
  | 'locale-mismatch'
  /** Markup that may not be published (a script, an event handler, a `javascript:` link) was escaped or removed. */
  | 'unsafe-markup'
  | 'hand-edit-kept'
  | 'hand-edit-replaced';

/** Something the importer could not repair by itself; the file is still imported. */
export interface ImportWarning {
  kind: WarningKind;
  /** File the line belongs to, when it is not the input file (the existing English page). */
  file?: string;
  /** 1-based line in the input file, or in `file`. */
  line: number;
  message: string;
}
