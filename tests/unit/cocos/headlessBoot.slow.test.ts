import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileProjectScripts } from '../../../tools/cocos/headless/projectScripts';

// The editor's Babel pass over every script of the project: a slow suite (`npm test`, not `npm run check`).
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe("the project's scripts for the engine", () => {
  it('registers every script under assets/ by path, importing only each other, cc and cc/env', () => {
    const { source, ids } = compileProjectScripts(root);
    expect(ids).toContain('assets/scripts/cocos/GameBootstrap.ts');
    expect(ids).toContain('assets/scripts/cocos/LeaderboardPanel.ts');
    const known = new Set([...ids, 'cc', 'cc/env']);
    const registrations = [...source.matchAll(/^System\.register\(("[^"]+"), (\[[^\]]*\])/gm)];
    expect(registrations.map((match) => JSON.parse(match[1] ?? '""'))).toEqual(ids);
    for (const match of registrations) {
      const deps = JSON.parse(match[2] ?? '[]') as string[];
      expect(deps.filter((dep) => !known.has(dep))).toEqual([]);
    }
    // The editor's Babel pass registers each component class with the engine under its script's uuid.
    expect(source).toMatch(/_cclegacy\._RF\.push\(\{\}, "cf4d5sD9kRGBb3r64BErhKR", "GameBootstrap"/);
  }, 60_000);
});
