import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CocosFinding } from './findings';

export const CREATOR_VERSION = '3.8.6';
export const MAIN_SCENE = 'assets/scenes/main.scene';
export const TEMPLATE_DIR = 'build-templates/bytedance-mini-game';

function readJson(root: string, path: string, findings: CocosFinding[]): Record<string, unknown> | null {
  if (!existsSync(join(root, path))) {
    findings.push({ check: 'project', file: path, message: `${path} is missing` });
    return null;
  }
  try {
    return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    findings.push({ check: 'project', file: path, message: `${path} is not valid JSON (${String(error)})` });
    return null;
  }
}

function expectField(
  findings: CocosFinding[],
  file: string,
  label: string,
  actual: unknown,
  expected: unknown,
): void {
  if (actual !== expected) {
    findings.push({
      check: 'project',
      file,
      message: `${file} must set ${label} to ${JSON.stringify(expected)} (found ${JSON.stringify(actual)})`,
    });
  }
}

/** The project-level files the editor and the TikTok build rely on. */
export function checkProjectFiles(root: string): CocosFinding[] {
  const findings: CocosFinding[] = [];
  const pkg = readJson(root, 'package.json', findings);
  if (pkg) {
    const creator = pkg.creator as { version?: unknown } | undefined;
    expectField(findings, 'package.json', 'creator.version', creator?.version, CREATOR_VERSION);
  }
  readJson(root, 'settings/v2/packages/project.json', findings);
  if (!existsSync(join(root, MAIN_SCENE))) {
    findings.push({ check: 'project', file: MAIN_SCENE, message: `${MAIN_SCENE} is missing` });
  }

  const gameJson = readJson(root, `${TEMPLATE_DIR}/game.json`, findings);
  if (gameJson) {
    expectField(
      findings,
      `${TEMPLATE_DIR}/game.json`,
      'openDataContext',
      gameJson.openDataContext,
      'openDataContext',
    );
    expectField(
      findings,
      `${TEMPLATE_DIR}/game.json`,
      'deviceOrientation',
      gameJson.deviceOrientation,
      'portrait',
    );
  }
  const projectConfig = readJson(root, `${TEMPLATE_DIR}/project.config.json`, findings);
  if (projectConfig) {
    const file = `${TEMPLATE_DIR}/project.config.json`;
    expectField(findings, file, 'openDataContext', projectConfig.openDataContext, 'openDataContext');
    expectField(
      findings,
      file,
      'dev.port',
      (projectConfig.dev as { port?: unknown } | undefined)?.port,
      9527,
    );
    if (typeof projectConfig.app_id !== 'string') {
      findings.push({ check: 'project', file, message: `${file} must carry an "app_id" placeholder` });
    }
  }
  return findings;
}
