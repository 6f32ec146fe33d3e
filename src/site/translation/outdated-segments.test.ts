import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment } from '../../article/segments-schema.ts';
import { outdatedSegments, sourceHashOf } from './outdated-segments.ts';

const segment = (id: string, source: string): Segment => ({
  id,
  source,
  target: `(${source})`,
  sourceHash: sourceHashOf(source),
});

const segments = [
  segment('a', 'Update details'),
  segment('b', 'First sentence.'),
  segment('c', 'Second sentence.'),
  segment('d', 'Select **Submit**.'),
];

test('finds no outdated segment when every English source is still in the page', () => {
  const english =
    '## Update details\n\nFirst sentence. Second sentence.\n\n1. Select **Submit**.\n';
  assert.deepEqual(outdatedSegments(segments, english), []);
});

test('reports a changed sentence with the English that replaced it, per segment', () => {
  const english =
    '## Update details\n\nFirst sentence. The second one changed.\n\n1. Select **Submit**.\n';
  assert.deepEqual(outdatedSegments(segments, english), [
    { id: 'c', currentSource: 'The second one changed.' },
  ]);
});

test('cuts the current English of a sentence that starts a list item at the block syntax', () => {
  const english = '## Update details\n\nFirst sentence. Second sentence.\n\n1. Select **Send**.\n';
  assert.deepEqual(outdatedSegments(segments, english), [
    { id: 'd', currentSource: 'Select **Send**.' },
  ]);
});

test('reports a removed sentence with no current English', () => {
  const english = '## Update details\n\nFirst sentence.\n\n1. Select **Submit**.\n';
  assert.deepEqual(outdatedSegments(segments, english), [{ id: 'c', currentSource: '' }]);
});

test('treats a segment whose hash does not match its source as outdated', () => {
  const edited = [
    ...segments.slice(0, 2),
    { ...segment('c', 'Second sentence.'), sourceHash: '0000000000000000' },
  ];
  const english = '## Update details\n\nFirst sentence. Second sentence.\n';
  assert.deepEqual(
    outdatedSegments(edited, english).map((entry) => entry.id),
    ['c'],
  );
});

test('anchors a repeated phrase at its place in order, not at its first occurrence', () => {
  const repeated = [segment('x', 'Save.'), segment('y', 'Close.'), segment('z', 'Save.')];
  const english = 'Save. Close. Done.';
  assert.deepEqual(outdatedSegments(repeated, english), [{ id: 'z', currentSource: 'Done.' }]);
});
