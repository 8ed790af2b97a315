import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseBuildConfig, ReleaseRefused } from '../buildConfig/choose';
import { BUILD_CONFIG_MODULE, buildConfigModuleHolds } from '../buildConfig/module';
import { PLACEHOLDER_APP_ID } from '../buildConfig/releaseCheck';
import type { BuildConfig } from '../buildConfig/settings';
import { bundleOpenDataContext } from '../openDataContextBundle';
import { checkPackage, type Finding, formatSizes, type PackageSizes } from '../package-check/index';

/** The environment variable that carries the TikTok client key (app id) into project.config.json. */
export const APP_ID_ENV = 'TIKTOK_APP_ID';

// The Douyin engine plugin ("separate engine", Cocos >= 3.8.7) loads the engine from a plugin hosted on
// Douyin; TikTok does not host it, so a package that asks for it cannot start there.
const DOUYIN_COCOS_PLUGIN_PROVIDER = 'tt8bf0fd4d14fb3db712';
const APP_ID_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

export type CocosPackageCode =
  | 'engine-plugin'
  | 'html-entry'
  | 'cocos-template'
  | 'stale-context'
  | 'build-config'
  | 'app-id';

export interface CocosPackageFinding {
  code: CocosPackageCode | Finding['code'];
  file?: string;
  message: string;
}

export interface CocosPackageResult {
  ok: boolean;
  findings: CocosPackageFinding[];
  sizes: PackageSizes;
  /** The app id written into project.config.json; null when the package was refused. */
  appId: string | null;
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function engineAndEntryFindings(dir: string): CocosPackageFinding[] {
  const findings: CocosPackageFinding[] = [];
  const plugins = readJson(join(dir, 'game.json'))?.plugins;
  if (typeof plugins === 'object' && plugins !== null) {
    const entries = Object.entries(plugins as Record<string, unknown>);
    const usesEngine = entries.some(
      ([name, plugin]) =>
        name === 'cocos' || JSON.stringify(plugin ?? null).includes(DOUYIN_COCOS_PLUGIN_PROVIDER),
    );
    if (usesEngine) {
      findings.push({
        code: 'engine-plugin',
        file: 'game.json',
        message:
          'game.json loads the Cocos engine as a Douyin plugin, which TikTok does not host: turn off the engine plugin ' +
          '(separate engine) option of the Douyin build and build again',
      });
    }
  }
  for (const name of readdirSync(dir)) {
    if (/\.html?$/i.test(name)) {
      findings.push({
        code: 'html-entry',
        file: name,
        message: `${name} is an HTML entry: TikTok takes mini game builds only; build for bytedance-mini-game, not web-mobile`,
      });
    }
    if (
      name.endsWith('.js') &&
      /\brequirePlugin\s*\(\s*['"`]cocos/.test(readFileSync(join(dir, name), 'utf8'))
    ) {
      findings.push({
        code: 'engine-plugin',
        file: name,
        message: `${name} requires the Cocos engine plugin, which TikTok does not host: turn off the engine plugin option`,
      });
    }
  }
  for (const generated of ['openDataContext/engine.js', 'openDataContext/render/dataDemo.js']) {
    if (existsSync(join(dir, generated))) {
      findings.push({
        code: 'cocos-template',
        file: generated,
        message:
          `${generated} comes from Cocos's own open data context template (fake data): untick "Generate Open Data ` +
          'Context Template", delete the build folder and build again so build-templates/ supplies ours',
      });
    }
  }
  return findings;
}

function staleContextFinding(dir: string, expected: string): CocosPackageFinding | null {
  const path = join(dir, 'openDataContext/index.js');
  if (!existsSync(path) || readFileSync(path, 'utf8') === expected) return null;
  return {
    code: 'stale-context',
    file: 'openDataContext/index.js',
    message:
      'openDataContext/index.js is not the current open data context: run `npm run cocos:templates`, then build ' +
      'again in Cocos Creator',
  };
}

/** The editor compiled the project's build configuration file; it must hold what this package is for. */
function buildConfigFinding(expected: { root: string; config: BuildConfig }): CocosPackageFinding | null {
  if (buildConfigModuleHolds(expected.root, expected.config)) return null;
  const command = `npm run cocos:templates${expected.config.mode === 'release' ? ' -- --release' : ''}`;
  return {
    code: 'build-config',
    file: BUILD_CONFIG_MODULE,
    message: `${BUILD_CONFIG_MODULE} does not hold the ${expected.config.mode} configuration: run \`${command}\`, then build again in Cocos Creator`,
  };
}

function appIdFinding(appId: string | undefined): CocosPackageFinding | null {
  if (appId === undefined || appId.trim() === '') {
    return {
      code: 'app-id',
      file: 'project.config.json',
      message: `set ${APP_ID_ENV} to your TikTok client key (Developer Portal) to write it into project.config.json`,
    };
  }
  if (appId.trim() === PLACEHOLDER_APP_ID) {
    return {
      code: 'app-id',
      file: 'project.config.json',
      message: `${APP_ID_ENV} is ${PLACEHOLDER_APP_ID}, the placeholder: set it to your TikTok client key (Developer Portal)`,
    };
  }
  if (!APP_ID_PATTERN.test(appId)) {
    return {
      code: 'app-id',
      message: `${APP_ID_ENV} must be letters, digits, '.', '_' or '-' (found ${JSON.stringify(appId)})`,
    };
  }
  return null;
}

/**
 * Turns a Cocos Creator `bytedance-mini-game` build folder into an upload-ready TikTok package: refuses
 * what TikTok cannot run, runs the shared package checks, then writes the app id. Nothing is written
 * unless every check passes.
 */
export interface CocosPackageOptions {
  /** The open data context the build must carry (the current bundle); not compared when omitted. */
  openDataContext?: string;
  /** The configuration the package is for, which `root`'s build configuration file must hold. */
  buildConfig?: { root: string; config: BuildConfig };
}

export function packageCocosBuild(
  dir: string,
  appId: string | undefined,
  options: CocosPackageOptions = {},
): CocosPackageResult {
  const packageCheck = checkPackage(dir);
  if (packageCheck.findings.some((finding) => finding.code === 'missing-folder')) {
    return { ok: false, findings: packageCheck.findings, sizes: packageCheck.sizes, appId: null };
  }
  const appIdProblem = appIdFinding(appId);
  const staleContext =
    options.openDataContext === undefined ? null : staleContextFinding(dir, options.openDataContext);
  const configProblem = options.buildConfig === undefined ? null : buildConfigFinding(options.buildConfig);
  const findings: CocosPackageFinding[] = [
    ...engineAndEntryFindings(dir),
    ...(configProblem ? [configProblem] : []),
    ...(staleContext ? [staleContext] : []),
    ...(appIdProblem ? [appIdProblem] : []),
    ...packageCheck.findings,
  ];
  if (findings.length > 0 || appId === undefined) {
    return { ok: false, findings, sizes: packageCheck.sizes, appId: null };
  }
  const configPath = join(dir, 'project.config.json');
  const config = readJson(configPath) ?? {};
  // TikTok's pages name the field both `appid` (DevTool checks) and `app_id` (open data context samples).
  writeFileSync(configPath, `${JSON.stringify({ ...config, appid: appId, app_id: appId }, null, 2)}\n`);
  return { ok: true, findings: [], sizes: packageCheck.sizes, appId };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith('--'));
  if (!dir) {
    console.error(
      'usage: npm run cocos:package -- [--release] <build folder, e.g. build/bytedance-mini-game>',
    );
    process.exit(2);
  }
  // The editor compiled the configuration file `npm run cocos:templates` wrote, and the context in the build
  // must be the one it bundled: both must be what this package is for.
  let buildConfig: ReturnType<typeof chooseBuildConfig>;
  try {
    buildConfig = chooseBuildConfig(process.cwd(), args, process.env);
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const result = packageCocosBuild(dir, process.env[APP_ID_ENV], {
    buildConfig: { root: process.cwd(), config: buildConfig },
    openDataContext: await bundleOpenDataContext(),
  });
  console.log(formatSizes(dir, result.sizes));
  for (const finding of result.findings) console.error(`  ✗ [${finding.code}] ${finding.message}`);
  console.log(
    result.ok ? `ready to upload: ${dir} (app id ${result.appId})` : 'not packaged: fix the problems above',
  );
  process.exit(result.ok ? 0 : 1);
}
