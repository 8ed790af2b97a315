import { describe, expect, it } from 'vitest';
import { docsPages, read, readmePages } from './docPages';

/**
 * The docs speak of the project, not of how it was made: no tracker numbers a reader cannot follow, no
 * machines or people that are not the reader's.
 */
const OFF_TOPIC: RegExp[] = [/\bissues? #?\d+/i, /\bPR #?\d+/, /\bthese machines\b/i, /\bother engineers\b/i];

describe('the docs speak of the project only', () => {
  for (const page of [...docsPages(), ...readmePages()]) {
    it(page, () => {
      const lines = read(page).split('\n');
      const found = lines.flatMap((line, index) =>
        OFF_TOPIC.filter((words) => words.test(line)).map(() => `${index + 1}: ${line.trim()}`),
      );
      expect(found).toEqual([]);
    });
  }
});
