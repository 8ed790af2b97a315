import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What a visitor sees before scrolling: the title, the pitch, the picture, the commands and the links.
const firstScreen = readFileSync('README.md', 'utf8').split('\n').slice(0, 24).join('\n');

describe('README first screen', () => {
  it('shows the picture of the running game, from a file that exists', () => {
    const pictures = [...firstScreen.matchAll(/!\[[^\]]+\]\(([^)]+\.png)\)/g)].map((match) => match[1] ?? '');
    expect(pictures).toEqual(['docs/images/simulator.png']);
    expect(existsSync('docs/images/simulator.png')).toBe(true);
  });

  it('gives the two commands: start and test', () => {
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toMatch(/^npm test\b/m);
  });

  it('links the quickstart, the flow, upload and troubleshooting', () => {
    const links = [...firstScreen.matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((match) => match[1]);
    expect(links).toEqual(
      expect.arrayContaining([
        'docs/quickstart.md',
        'docs/flow.md',
        'docs/upload.md',
        'docs/troubleshooting.md',
      ]),
    );
  });
});
