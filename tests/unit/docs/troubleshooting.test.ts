import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGE = 'docs/troubleshooting.md';
const text = readFileSync(PAGE, 'utf8');

/** Table rows of the page (header and separator rows left out), as cells. */
const rows = text
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| symptom') && !line.startsWith('| ---'))
  .map((line) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.trim()),
  );

/** Heading anchors of a Markdown page, as GitHub makes them. */
function anchors(page: string): Set<string> {
  return new Set(
    [...readFileSync(page, 'utf8').matchAll(/^#+ (.+)$/gm)].map((match) =>
      (match[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('docs/troubleshooting.md', () => {
  it('gives every row a symptom, a cause and at least one file of this repo that exists', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const [symptom, cause, handling] of rows) {
      expect(symptom, 'symptom').toBeTruthy();
      expect(cause, `cause of "${symptom}"`).toBeTruthy();
      const files = [...(handling ?? '').matchAll(/`([\w./-]+\.(?:ts|json))`/g)].map(
        (match) => match[1] ?? '',
      );
      expect(files, `files for "${symptom}"`).not.toEqual([]);
      expect(files.filter((file) => !existsSync(file))).toEqual([]);
    }
  });

  // The failures issue 18 names, each found by words its row must use.
  const failures: [string, RegExp][] = [
    ['consent declined', /Don't allow|Don’t allow/],
    ['remembered refusal', /remembers a refusal/],
    ['empty board', /No friends play yet/],
    ['avatars failing', /Avatars do not load/],
    ['the overlay not appearing', /drawn in the wrong place, or not at all/],
    ['cloud write refused', /cloud write \(`setUserCloudStorage`\) failed/],
    ['domain not registered', /21100/],
    ['package too large', /main package .* over 4 MB/],
  ];
  for (const [failure, words] of failures) {
    it(`has a row for ${failure}`, () => {
      expect(rows.filter((row) => words.test(row.join(' | ')))).toHaveLength(1);
    });
  }

  it('links only to headings that exist', () => {
    const links = [...text.matchAll(/\]\(([\w.-]+\.md)#([\w-]+)\)/g)];
    expect(links.length).toBeGreaterThan(0);
    const missing = links
      .map((match) => ({ page: join(dirname(PAGE), match[1] ?? ''), anchor: match[2] ?? '' }))
      .filter(({ page, anchor }) => !anchors(page).has(anchor));
    expect(missing).toEqual([]);
  });
});
