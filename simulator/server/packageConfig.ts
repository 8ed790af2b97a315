import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type NetworkRules, readRequestDomains } from '../../tools/package-check/requestDomains';
import { type PortalConfig, readPortalConfig } from './portalConfig';

/**
 * What the simulator reads from a package: game.json (openDataContext, subpackages) and
 * project.config.json. The app id (the client key) is game.json's `app_id`, else project.config.json's
 * `appid` (what the Cocos editor writes) or `app_id` (TikTok's open data context snippet).
 * The network rules: `setting.urlCheck` of project.config.json (DevTool's "do not check domains" switch;
 * absent means checked, as on a phone) and the declared request domains (tools/package-check/requestDomains.ts).
 */

export interface Subpackage {
  name: string;
  root: string;
}

export interface PackageConfig {
  appId: string;
  /** Folder of the open data context, without trailing slash; undefined when the game has none. */
  contextDir?: string;
  subpackages: Subpackage[];
  network: NetworkRules;
  /** The Developer Portal's settings, from game.json `dev` stand-ins (portalConfig.ts). */
  portal: PortalConfig;
}

async function readJson(file: string, required: boolean): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} could not be read: ${(error as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const folder = (value: string) => value.replace(/^\.?\/+/, '').replace(/\/+$/, '');

function subpackagesOf(gameJson: Record<string, unknown>): Subpackage[] {
  // TikTok's DevTool checks `subpackages`; Douyin and WeChat builds write `subPackages`.
  const list = gameJson.subpackages ?? gameJson.subPackages ?? [];
  if (!Array.isArray(list)) throw new Error('game.json subpackages must be an array of {name, root}');
  return list.map((entry, index) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const root = nonEmpty(record.root);
    if (!root) throw new Error(`game.json subpackages[${index}] needs a root`);
    return { name: nonEmpty(record.name) ?? folder(root), root: folder(root) };
  });
}

export async function readPackageConfig(packageDir: string): Promise<PackageConfig> {
  const gameJson = await readJson(join(packageDir, 'game.json'), true);
  const projectConfig = await readJson(join(packageDir, 'project.config.json'), false);
  const appId = nonEmpty(gameJson.app_id) ?? nonEmpty(projectConfig.appid) ?? nonEmpty(projectConfig.app_id);
  if (!appId)
    throw new Error(
      'the package needs an app id (the client key): game.json app_id or project.config.json appid',
    );
  const context = nonEmpty(gameJson.openDataContext) ?? nonEmpty(projectConfig.openDataContext);
  return {
    appId,
    contextDir: context ? folder(context) : undefined,
    subpackages: subpackagesOf(gameJson),
    network: { urlCheck: urlCheckOf(projectConfig), requestDomains: readRequestDomains(gameJson) },
    portal: readPortalConfig(gameJson),
  };
}

function urlCheckOf(projectConfig: Record<string, unknown>): boolean {
  const setting = projectConfig.setting;
  if (setting === undefined) return true;
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting))
    throw new Error('project.config.json setting must be an object');
  const urlCheck = (setting as Record<string, unknown>).urlCheck;
  if (urlCheck === undefined) return true;
  if (typeof urlCheck !== 'boolean')
    throw new Error(
      `project.config.json setting.urlCheck must be true or false, got ${JSON.stringify(urlCheck)}`,
    );
  return urlCheck;
}
