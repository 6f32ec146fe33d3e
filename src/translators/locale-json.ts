import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import type { Problem } from './problem.ts';

/** A locale file read for checking: its strings, each key's line, and what was wrong. */
export interface ParsedLocaleFile {
  /** Flat keys to strings; a duplicate key keeps its last value, as JSON.parse does. */
  readonly strings: Record<string, string>;
  /** 1-based line of each key (of its last occurrence). */
  readonly lines: Record<string, number>;
  readonly problems: Problem[];
}

/**
 * Parses a locale file with jsonc-parser (VS Code's JSON scanner) rather than JSON.parse, which
 * neither says where a syntax error is as line:column nor notices a key written twice: here the
 * first error stops nothing, and every problem names its line.
 */
export function parseLocaleFile(file: string, text: string): ParsedLocaleFile {
  const strings: Record<string, string> = {};
  const lines: Record<string, number> = {};
  const problems: Problem[] = [];
  const problem = (line: number, message: string, column?: number) =>
    problems.push({
      file,
      line,
      ...(column === undefined ? {} : { column }),
      severity: 'error',
      message,
    });
  let depth = 0;
  let currentKey: string | undefined;
  let currentLine = 0;
  let topLevel = false;
  visit(
    text,
    {
      onObjectBegin() {
        depth += 1;
        if (depth === 1) topLevel = true;
        else if (currentKey !== undefined)
          problem(
            currentLine,
            `${currentKey}: must be a string, found an object (keys are flat: "a.b.c")`,
          );
      },
      onObjectEnd() {
        depth -= 1;
      },
      onArrayBegin() {
        if (depth === 0) problem(1, 'expected an object of "key": "string" pairs, found a list');
        else if (depth === 1 && currentKey !== undefined)
          problem(currentLine, `${currentKey}: must be a string, found a list`);
        depth += 1;
      },
      onArrayEnd() {
        depth -= 1;
      },
      onObjectProperty(property, _offset, _length, startLine) {
        if (depth !== 1) return;
        currentKey = property;
        currentLine = startLine + 1;
        if (Object.hasOwn(lines, property)) {
          problem(
            currentLine,
            `${property}: duplicate key (also on line ${lines[property]}); the last one would win: keep one`,
          );
        }
        lines[property] = currentLine;
      },
      onLiteralValue(value, _offset, _length, startLine) {
        if (depth !== 1 || currentKey === undefined) {
          if (depth === 0) problem(startLine + 1, 'expected an object of "key": "string" pairs');
          return;
        }
        if (typeof value === 'string') strings[currentKey] = value;
        else
          problem(
            startLine + 1,
            `${currentKey}: must be a string, found ${value === null ? 'null' : typeof value}`,
          );
        currentKey = undefined;
      },
      onError(error: ParseErrorCode, _offset, _length, startLine, startCharacter) {
        problem(
          startLine + 1,
          `not valid JSON: ${describeError(printParseErrorCode(error))}`,
          startCharacter + 1,
        );
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  if (!topLevel && problems.length === 0) {
    problem(1, 'expected an object of "key": "string" pairs');
  }
  return { strings, lines, problems };
}

function describeError(code: string): string {
  const plain: Record<string, string> = {
    CommaExpected: 'a comma is missing',
    ColonExpected: 'a colon is missing after the key',
    PropertyNameExpected: 'expected a "key" (is there a comma too many?)',
    ValueExpected: 'expected a value (is there a comma too many?)',
    CloseBraceExpected: 'a closing } is missing',
    UnexpectedEndOfString: 'a string is not closed with "',
    InvalidSymbol: 'unexpected character',
    InvalidCommentToken: 'comments are not allowed',
    EndOfFileExpected: 'text after the closing }',
  };
  return plain[code] ?? code;
}
