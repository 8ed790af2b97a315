import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGE = 'docs/troubleshooting.md';
const text = readFileSync(PAGE, 'utf8');

/** The text of a `## ` section of the page, up to the next one. */
function section(heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${PAGE} has no "## ${heading}"`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/** Each `### ` entry of the two failure sections as [symptom, cause, what to do], lines joined. */
const entries = ["The guide's list", 'Failures the sample also handles']
  .map(section)
  .flatMap((body) => body.split('\n### ').slice(1))
  .map((entry) => {
    const [symptom = '', ...rest] = entry.split('\n');
    const joined = rest.join(' ').replace(/\s+/g, ' ');
    const cause = joined.match(/\*\*Cause:\*\* (.*?)(?= \*\*What to do:\*\*|$)/)?.[1] ?? '';
    const handling = joined.match(/\*\*What to do:\*\* (.*)$/)?.[1] ?? '';
    return [symptom.trim(), cause.trim(), handling.trim()];
  });

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
  it('gives every entry a symptom, a cause and at least one file of this repo that exists', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
    for (const [symptom, cause, handling] of entries) {
      expect(symptom, 'symptom').toBeTruthy();
      expect(cause, `cause of "${symptom}"`).toBeTruthy();
      const files = [...(handling ?? '').matchAll(/`([\w./-]+\.(?:ts|json))`/g)].map(
        (match) => match[1] ?? '',
      );
      expect(files, `files for "${symptom}"`).not.toEqual([]);
      expect(files.filter((file) => !existsSync(file))).toEqual([]);
    }
  });

  // The failures a friend leaderboard meets most, each found by words its entry must use.
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
    it(`has an entry for ${failure}`, () => {
      expect(entries.filter((entry) => words.test(entry.join(' | ')))).toHaveLength(1);
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
