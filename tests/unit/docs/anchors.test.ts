import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPages, read, readmePages } from './docPages';

/** Heading anchors of a Markdown page, as GitHub makes them. */
function anchors(page: string): Set<string> {
  const text = read(page).replace(/^```[\s\S]*?^```/gm, '');
  return new Set(
    [...text.matchAll(/^#+ (.+)$/gm)].map((match) =>
      (match[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('every link to a heading lands on one', () => {
  for (const page of [...docsPages(), ...readmePages()]) {
    it(page, () => {
      const broken: string[] = [];
      for (const match of read(page).matchAll(/\]\((?!https?:)([^)#\s]*)#([^)\s]+)\)/g)) {
        const target = match[1] ? normalize(join(dirname(page), match[1])) : page;
        if (!target.endsWith('.md') || !existsSync(target)) continue;
        if (!anchors(target).has(match[2] ?? '')) broken.push(`${match[1]}#${match[2]}`);
      }
      expect(broken).toEqual([]);
    });
  }
});
