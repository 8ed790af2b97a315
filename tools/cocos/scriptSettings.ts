import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The editor's "Project Settings → Scripting" options, as the project stores them. */
export interface ScriptSettings {
  useDefineForClassFields?: boolean;
  allowDeclareFields?: boolean;
  loose?: boolean;
  preserveSymlinks?: boolean;
  exportsConditions?: string[];
}

export const PROJECT_SETTINGS = 'settings/v2/packages/project.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the `script` section of the project settings. An option the project does not set stays
 * undefined, so the module loader applies its own default, as the editor does.
 */
export function readScriptSettings(root: string): ScriptSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(root, PROJECT_SETTINGS), 'utf8'));
  } catch {
    return {};
  }
  const script = isRecord(parsed) && isRecord(parsed.script) ? parsed.script : {};
  const settings: ScriptSettings = {};
  for (const key of ['useDefineForClassFields', 'allowDeclareFields', 'loose', 'preserveSymlinks'] as const) {
    const value = script[key];
    if (typeof value === 'boolean') settings[key] = value;
  }
  const conditions = script.exportsConditions;
  if (Array.isArray(conditions) && conditions.every((item) => typeof item === 'string')) {
    settings.exportsConditions = conditions;
  }
  return settings;
}
