/** How bad a problem is: an error stops the check and the build; a warning is only reported. */
export type Severity = 'error' | 'warning';

/** One thing wrong in a translator's file, reported on one line. */
export interface Problem {
  /** Path of the file, relative to the project root (`locales/ja-JP/widget.json`). */
  readonly file: string;
  /** 1-based line of the problem in that file; 0 when it concerns the whole file. */
  readonly line: number;
  /** 1-based column, when the parser knows it. */
  readonly column?: number;
  readonly severity: Severity;
  /** What is wrong and what to do, naming the key or anchor first. */
  readonly message: string;
}

/** `locales/ja-JP/widget.json:12: customers.shown_one: …` (warnings say so). */
export function formatProblem(problem: Problem): string {
  const where =
    problem.line > 0
      ? `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`
      : problem.file;
  return `${where}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

/** Problems in file order, then line order, errors and warnings together. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message),
  );
}

/** Whether any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
