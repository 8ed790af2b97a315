import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CocosFinding } from './findings';

/**
 * The Babel release the editor compiles scripts with (the 7.19 line; see docs/cocos.md). Its parser
 * is what decides which TypeScript syntax the editor accepts, so the check refuses to run on another.
 */
export const EDITOR_BABEL_VERSION = '7.19.6';

export interface EditorToolchain {
  modLo: string;
  presetCc: string;
  babelCore: string;
  babelParser: string;
}

function packageVersion(from: string, name: string): string {
  const path = createRequire(from).resolve(`${name}/package.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The versions the module loader actually loads, each resolved from the package that requires it. */
export function editorToolchain(): EditorToolchain {
  const modLoEntry = createRequire(import.meta.url).resolve('@cocos/creator-programming-mod-lo');
  const babelCoreEntry = createRequire(modLoEntry).resolve('@babel/core');
  return {
    modLo: packageVersion(import.meta.url, '@cocos/creator-programming-mod-lo'),
    presetCc: packageVersion(modLoEntry, '@cocos/creator-programming-babel-preset-cc'),
    babelCore: packageVersion(modLoEntry, '@babel/core'),
    babelParser: packageVersion(babelCoreEntry, '@babel/parser'),
  };
}

export function checkToolchain(toolchain: EditorToolchain): CocosFinding[] {
  const wrong = [
    ['@babel/core', toolchain.babelCore],
    ['@babel/parser', toolchain.babelParser],
  ].filter(([, version]) => version !== EDITOR_BABEL_VERSION);
  return wrong.map(([name, version]) => ({
    check: 'compile',
    message:
      `the module loader runs ${name} ${version}, not the editor's ${EDITOR_BABEL_VERSION}: ` +
      'a newer parser accepts syntax the editor rejects. Run npm install (package.json "overrides" pins it).',
  }));
}
