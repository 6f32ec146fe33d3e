import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSafe } from 'redos-detector';
import ts from 'typescript';

// The importer reads files that anyone could have written, so none of its patterns may take more
// than linear time on any input. redos-detector proves that by enumerating the ways a pattern can
// match (it is deterministic); an unsafe pattern shows up as an unbounded score.

const importerDir = fileURLToPath(new URL('./', import.meta.url));
const modules = readdirSync(importerDir).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
);

interface Pattern {
  where: string;
  source: string;
}

/** Every regular expression literal of a module, and every `new RegExp(…)`, found by parsing it. */
function patternsOf(name: string): { literals: Pattern[]; constructed: string[] } {
  const file = ts.createSourceFile(
    name,
    readFileSync(`${importerDir}${name}`, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const literals: Pattern[] = [];
  const constructed: string[] = [];
  const where = (node: ts.Node): string =>
    `${name}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      literals.push({ where: where(node), source: node.getText() });
    }
    if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      node.expression.getText() === 'RegExp'
    ) {
      constructed.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { literals, constructed };
}

const patterns = modules.map(patternsOf);

test('runs no importer pattern that can backtrack more than linearly', () => {
  const literals = patterns.flatMap((module) => module.literals);
  assert.ok(literals.length > 20, `found only ${literals.length} patterns`);
  const unsafe = literals.filter(({ source }) => {
    const flagsStart = source.lastIndexOf('/');
    const pattern = new RegExp(source.slice(1, flagsStart), source.slice(flagsStart + 1));
    const result = isSafe(pattern, { maxSteps: 100_000 });
    return !result.safe || result.score.infinite;
  });
  assert.deepEqual(
    unsafe.map(({ where, source }) => `${where} ${source}`),
    [],
  );
});

test('builds no pattern at run time, where the check above could not see it', () => {
  assert.deepEqual(
    patterns.flatMap((module) => module.constructed),
    [],
  );
});

test('tells a backtracking pattern from a linear one', () => {
  assert.equal(isSafe(/!\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*([^)\s]+)([^)]*)\)/g).safe, false);
  assert.equal(isSafe(/^(#{1,6})\s+/).safe, true);
});
