import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The rows of the table under a heading of a Markdown page, as cells. */
function tableUnder(page: string, heading: string): string[][] {
  const text = readFileSync(page, 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${page} has no "${heading}"`);
  const next = text.indexOf('\n## ', start + heading.length + 2);
  const section = text.slice(start, next < 0 ? undefined : next);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // the header and the separator
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('docs/simulator.md assumptions', () => {
  const rows = tableUnder('docs/simulator.md', '## Assumptions where the guide is silent');

  it('lists the assumptions the simulator makes, each with a source or the word "assumption"', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const unsourced = rows.filter(
      ([behaviour, source]) =>
        !behaviour || !source || !/https?:\/\/|the guide|assumption|Douyin|WeChat/i.test(source),
    );
    expect(unsourced).toEqual([]);
  });

  it('names the behaviours the issue found unlisted', () => {
    const behaviours = rows.map(([behaviour]) => behaviour).join('\n');
    for (const topic of [
      'get_status_only',
      'exchanged at `/v2/oauth/token/`',
      'No cap on friends',
      'status_code',
      'no confirmation sheet',
      "errMsg: '<api>:ok'",
    ]) {
      expect(behaviours).toContain(topic);
    }
  });
});
