import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPackageConfig } from '../../../simulator/server/packageConfig';

const dirs: string[] = [];
function packageWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-pkg-'));
  dirs.push(dir);
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('what the simulator reads from a package', () => {
  it("takes the app id from project.config.json's appid, as the Cocos editor writes it", async () => {
    const dir = packageWith({
      'game.json': { deviceOrientation: 'portrait', openDataContext: 'openDataContext/' },
      'project.config.json': { appid: 'tt-cocos-app' },
    });
    expect(await readPackageConfig(dir)).toEqual({
      appId: 'tt-cocos-app',
      contextDir: 'openDataContext',
      subpackages: [],
    });
  });

  it("prefers game.json's app_id and reads subpackages under either spelling", async () => {
    const dir = packageWith({
      'game.json': {
        app_id: 'from-game-json',
        subPackages: [{ name: 'level2', root: 'subpackages/level2/' }],
      },
      'project.config.json': { appid: 'ignored' },
    });
    expect(await readPackageConfig(dir)).toEqual({
      appId: 'from-game-json',
      contextDir: undefined,
      subpackages: [{ name: 'level2', root: 'subpackages/level2' }],
    });
  });

  it('fails with what to add when no app id is anywhere', async () => {
    const dir = packageWith({ 'game.json': {} });
    await expect(readPackageConfig(dir)).rejects.toThrow(
      'the package needs an app id (the client key): game.json app_id or project.config.json appid',
    );
  });
});
