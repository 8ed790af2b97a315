import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseBuildConfig, ReleaseRefused } from '../../../tools/buildConfig/choose';
import {
  BUILD_CONFIG_MODULE,
  buildConfigModuleHolds,
  renderBuildConfigModule,
  writeBuildConfigModule,
} from '../../../tools/buildConfig/module';
import { appIdProblems, releaseProblems } from '../../../tools/buildConfig/releaseCheck';
import {
  type BuildConfig,
  buildModeFromArgs,
  DEV_BUILD_CONFIG,
  resolveBuildConfig,
} from '../../../tools/buildConfig/settings';
import { bundleScript } from '../../../tools/bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const declared = ['https://api.starlanes.example', 'https://cdn.starlanes.example'];
const release = (overrides: Partial<BuildConfig> = {}): BuildConfig => ({
  mode: 'release',
  gameServerUrl: 'https://api.starlanes.example',
  shareImageUrl: 'https://cdn.starlanes.example/share-card.png',
  contextShareImageUrl: 'https://cdn.starlanes.example/share-card.png',
  zone: 'default',
  ...overrides,
});

describe('the build configuration', () => {
  it("is npm start's local servers and zone 'test' in development", () => {
    expect(resolveBuildConfig('dev', { GAME_SERVER_URL: 'https://ignored.example' })).toEqual({
      mode: 'dev',
      gameServerUrl: 'http://localhost:9530',
      shareImageUrl: 'http://localhost:9528/assets/share-card.png',
      contextShareImageUrl: 'http://127.0.0.1:9529/openDataContext/assets/share-card.png',
      zone: 'test',
    });
  });

  it("takes a release's addresses from the environment, with zone 'default'", () => {
    expect(
      resolveBuildConfig('release', {
        GAME_SERVER_URL: ' https://api.starlanes.example ',
        SHARE_IMAGE_URL: 'https://cdn.starlanes.example/share-card.png',
      }),
    ).toEqual(release());
    expect(
      resolveBuildConfig('release', { CONTEXT_SHARE_IMAGE_URL: 'https://cdn.starlanes.example/c.png' })
        .contextShareImageUrl,
    ).toBe('https://cdn.starlanes.example/c.png');
  });

  it('knows --release and nothing else', () => {
    expect(buildModeFromArgs([])).toBe('dev');
    expect(buildModeFromArgs(['--release'])).toBe('release');
    expect(() => buildModeFromArgs(['--prod'])).toThrow(
      'unknown option --prod (the only option is --release)',
    );
  });

  it('is committed with the development values, exactly as the tools write them', () => {
    expect(
      readFileSync(join(root, BUILD_CONFIG_MODULE), 'utf8'),
      `${BUILD_CONFIG_MODULE} holds another build's values (a release?): \`npm run build\` writes the development values back`,
    ).toBe(renderBuildConfigModule(DEV_BUILD_CONFIG));
  });

  it('reaches a bundle only through the file a build command writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-config-'));
    try {
      mkdirSync(join(dir, dirname(BUILD_CONFIG_MODULE)), { recursive: true });
      const entry = join(dir, 'entry.ts');
      writeFileSync(
        entry,
        `import { GAME_SERVER_URL, GAME_ZONE } from ${JSON.stringify(join(dir, BUILD_CONFIG_MODULE))};\n` +
          '(globalThis as Record<string, unknown>).out = [GAME_SERVER_URL, GAME_ZONE];\n',
      );
      expect(writeBuildConfigModule(dir, release())).toBe(true);
      const script = await bundleScript(entry);
      expect(script).toContain('https://api.starlanes.example');
      expect(script).toContain('"default"');
      expect(script).not.toContain('localhost:9530');
      expect(writeBuildConfigModule(dir, DEV_BUILD_CONFIG)).toBe(true);
      expect(await bundleScript(entry)).toContain('http://localhost:9530');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the file untouched when it already holds the configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-config-'));
    try {
      mkdirSync(join(dir, dirname(BUILD_CONFIG_MODULE)), { recursive: true });
      const path = join(dir, BUILD_CONFIG_MODULE);
      expect(buildConfigModuleHolds(dir, release())).toBe(false);
      expect(writeBuildConfigModule(dir, release())).toBe(true);
      expect(buildConfigModuleHolds(dir, release())).toBe(true);
      const written = statSync(path).mtimeMs;
      utimesSync(path, 1, 1);
      expect(writeBuildConfigModule(dir, release())).toBe(false);
      expect(statSync(path).mtimeMs).toBe(1000);
      expect(written).toBeGreaterThan(1000);
      expect(readdirSync(dirname(path))).toEqual(['buildConfig.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a release build refuses addresses a phone cannot reach', () => {
  it('passes HTTPS addresses on declared domains', () => {
    expect(releaseProblems(release(), declared)).toEqual([]);
  });

  it('names the setting of a loopback server address', () => {
    expect(releaseProblems(release({ gameServerUrl: 'https://localhost:9530' }), declared)).toEqual([
      "GAME_SERVER_URL (the game server's address) is https://localhost:9530: a loopback address, which on a phone is the phone itself",
    ]);
    expect(releaseProblems(release({ gameServerUrl: 'https://127.0.0.1' }), declared)).toHaveLength(1);
    expect(releaseProblems(release({ gameServerUrl: 'https://[::1]:9530' }), declared)).toHaveLength(1);
  });

  it('names plain HTTP, an undeclared domain and a missing value', () => {
    expect(
      releaseProblems(
        release({
          gameServerUrl: 'http://api.starlanes.example',
          shareImageUrl: 'https://images.elsewhere.example/card.png',
          contextShareImageUrl: '',
        }),
        declared,
      ),
    ).toEqual([
      "GAME_SERVER_URL (the game server's address) is http://api.starlanes.example: plain HTTP; TikTok calls HTTPS only",
      "SHARE_IMAGE_URL (the game's share card image) is https://images.elsewhere.example/card.png: " +
        'https://images.elsewhere.example is not in game.json dev.requestDomains; add it there and register it ' +
        'as a trusted domain in the TikTok Developer Portal (docs/upload.md)',
      "CONTEXT_SHARE_IMAGE_URL (the open data context's share card image (defaults to SHARE_IMAGE_URL)) is not set: " +
        'a release build needs an https:// address',
    ]);
  });

  it("checks a release against the domains the project's game.json declares", () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-root-'));
    try {
      writeFileSync(join(dir, 'game.json'), JSON.stringify({ dev: { requestDomains: declared } }));
      const env = {
        GAME_SERVER_URL: 'https://api.starlanes.example',
        SHARE_IMAGE_URL: 'https://cdn.starlanes.example/share-card.png',
      };
      expect(chooseBuildConfig(dir, ['--release'], env)).toEqual(release());
      expect(chooseBuildConfig(dir, [], env)).toEqual(DEV_BUILD_CONFIG);
      writeFileSync(join(dir, 'game.json'), JSON.stringify({ dev: { requestDomains: [] } }));
      expect(() => chooseBuildConfig(dir, ['--release'], env)).toThrow(ReleaseRefused);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops `npm run build -- --release` before it writes anything, naming the setting', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--release'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GAME_SERVER_URL: 'https://127.0.0.1:9530',
        SHARE_IMAGE_URL: 'https://cdn.starlanes.example/share-card.png',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "✗ GAME_SERVER_URL (the game server's address) is https://127.0.0.1:9530: a loopback address",
    );
    expect(result.stdout).not.toContain('release build: server');
    expect(buildConfigModuleHolds(root, DEV_BUILD_CONFIG)).toBe(true);
  });
});

describe('a release build refuses a package without a real app id', () => {
  const fix = "set TIKTOK_APP_ID to your app's client key (TikTok Developer Portal, docs/upload.md)";

  it('names TIKTOK_APP_ID when it is empty or the placeholder', () => {
    expect(appIdProblems({ TIKTOK_APP_ID: '' }, 'awx1234')).toEqual([`TIKTOK_APP_ID is empty: ${fix}`]);
    expect(appIdProblems({ TIKTOK_APP_ID: ' your_client_key ' }, 'awx1234')).toEqual([
      `TIKTOK_APP_ID is your_client_key, the placeholder: ${fix}`,
    ]);
    expect(appIdProblems({ TIKTOK_APP_ID: 'awx1234' }, 'your_client_key')).toEqual([]);
  });

  it("names TIKTOK_APP_ID when it is unset and game.json's app_id is the placeholder or missing", () => {
    expect(appIdProblems({}, 'your_client_key')).toEqual([
      `TIKTOK_APP_ID is not set, and game.json app_id is "your_client_key", the placeholder: ${fix}`,
    ]);
    expect(appIdProblems({}, undefined)).toEqual([
      `TIKTOK_APP_ID is not set, and game.json app_id is null, the placeholder: ${fix}`,
    ]);
    expect(appIdProblems({}, 'awx1234')).toEqual([]);
  });

  it('is checked with the addresses, for the command that asks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-root-'));
    try {
      writeFileSync(
        join(dir, 'game.json'),
        JSON.stringify({ app_id: 'your_client_key', dev: { requestDomains: declared } }),
      );
      const env = {
        GAME_SERVER_URL: 'https://api.starlanes.example',
        SHARE_IMAGE_URL: 'https://cdn.starlanes.example/share-card.png',
      };
      expect(chooseBuildConfig(dir, ['--release'], env)).toEqual(release());
      expect(() => chooseBuildConfig(dir, ['--release'], env, { checkAppId: true })).toThrow(
        'TIKTOK_APP_ID is not set, and game.json app_id is "your_client_key", the placeholder',
      );
      expect(
        chooseBuildConfig(dir, ['--release'], { ...env, TIKTOK_APP_ID: 'awx1234' }, { checkAppId: true }),
      ).toEqual(release());
      expect(chooseBuildConfig(dir, [], env, { checkAppId: true })).toEqual(DEV_BUILD_CONFIG);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops `npm run build -- --release` with an empty TIKTOK_APP_ID, naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--release'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        TIKTOK_APP_ID: '',
        GAME_SERVER_URL: 'https://api.starlanes.example',
        SHARE_IMAGE_URL: 'https://cdn.starlanes.example/share-card.png',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`✗ TIKTOK_APP_ID is empty: ${fix}`);
    expect(result.stdout).not.toContain('passes');
  });
});
