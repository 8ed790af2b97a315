import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModLo } from '@cocos/creator-programming-mod-lo';
import { readScriptSettings } from './scriptSettings';
import { compressUuid } from './uuid';

/** Bare specifiers the editor maps to the engine (its import map); everything else must resolve. */
export const ENGINE_MODULES = ['cc', 'cc/env'];

/** The URL prefix of the project's asset scripts; only these get the extension-less lookup. */
export function assetsUrl(root: string): string {
  return `${pathToFileURL(join(resolve(root), 'assets')).href}/`;
}

/** Cocos's module loader, configured as the editor configures it for this project's scripts. */
export function createEditorModLo(root: string): ModLo {
  const settings = readScriptSettings(root);
  const modLo = new ModLo({
    _compressUUID: compressUuid,
    ...settings,
    logger: { debug: () => {}, info: () => {}, warn: console.warn, error: console.error },
  });
  modLo.setAssetPrefixes([assetsUrl(root)]);
  modLo.setExternals(ENGINE_MODULES);
  return modLo;
}
