import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPackageConfig } from '../../../simulator/server/packageConfig';
import { portalWarnings } from '../../../simulator/server/portalConfig';

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
      network: { urlCheck: true, requestDomains: [] },
      portal: { shareCard: {} },
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
      network: { urlCheck: true, requestDomains: [] },
      portal: { shareCard: {} },
    });
  });

  it('fails with what to add when no app id is anywhere', async () => {
    const dir = packageWith({ 'game.json': {} });
    await expect(readPackageConfig(dir)).rejects.toThrow(
      'the package needs an app id (the client key): game.json app_id or project.config.json appid',
    );
  });

  it("reads the network rules: setting.urlCheck and game.json's declared request domains", async () => {
    const dir = packageWith({
      'game.json': {
        app_id: 'app',
        dev: { port: 9527, requestDomains: ['https://API.Example.com', 'https://cdn.example.com:8443'] },
      },
      'project.config.json': { setting: { urlCheck: false } },
    });
    expect((await readPackageConfig(dir)).network).toEqual({
      urlCheck: false,
      requestDomains: ['https://api.example.com', 'https://cdn.example.com:8443'],
    });
  });

  it('refuses a urlCheck that is not a boolean and a declared domain that is not an https origin', async () => {
    const badCheck = packageWith({
      'game.json': { app_id: 'app' },
      'project.config.json': { setting: { urlCheck: 'no' } },
    });
    await expect(readPackageConfig(badCheck)).rejects.toThrow(
      'project.config.json setting.urlCheck must be true or false, got "no"',
    );
    const badDomain = packageWith({
      'game.json': {
        app_id: 'app',
        dev: { requestDomains: ['http://api.example.com', 'https://a.example.com/v1'] },
      },
    });
    await expect(readPackageConfig(badDomain)).rejects.toThrow(
      'game.json dev.requestDomains[0]: "http://api.example.com" must start with https:// (TikTok allows HTTPS only); ' +
        'game.json dev.requestDomains[1]: "https://a.example.com/v1" must be an origin only, without a path, query or trailing slash',
    );
  });
});

describe("the Developer Portal's settings, from game.json dev", () => {
  it('reads the share card and the two legal URLs, and warns only when a URL is missing', async () => {
    const portal = {
      shareCard: { title: 'Star Lanes', imageUrl: 'https://cdn.example.com/card.png' },
      termsOfServiceUrl: 'https://example.com/terms',
      privacyPolicyUrl: 'https://example.com/privacy',
    };
    const dir = packageWith({ 'game.json': { app_id: 'app', dev: portal } });
    const config = await readPackageConfig(dir);
    expect(config.portal).toEqual(portal);
    expect(portalWarnings(config.portal)).toEqual([]);
    expect(portalWarnings({ shareCard: {}, termsOfServiceUrl: 'https://example.com/terms' })).toEqual([
      expect.stringMatching(/^game\.json has no dev\.privacyPolicyUrl: on TikTok, login fails with 102102/),
    ]);
    expect(portalWarnings({ shareCard: {} })[0]).toContain('dev.termsOfServiceUrl or dev.privacyPolicyUrl');
  });

  it('refuses a share card or a URL it could not use, naming the field', async () => {
    const bad = (dev: unknown) => readPackageConfig(packageWith({ 'game.json': { app_id: 'app', dev } }));
    await expect(bad({ shareCard: { imageUrl: 'card.png' } })).rejects.toThrow(
      'game.json dev.shareCard.imageUrl must be an absolute https:// URL, got "card.png"',
    );
    await expect(bad({ shareCard: { title: 7 } })).rejects.toThrow(
      'game.json dev.shareCard.title must be a string',
    );
    await expect(bad({ privacyPolicyUrl: 'ftp://example.com' })).rejects.toThrow('dev.privacyPolicyUrl');
  });
});
