import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileScripts } from '../compileScripts';
import { createEditorModLo } from '../editorModLo';
import { checkLinks } from '../linkScripts';

export interface ProjectScripts {
  /** One file of named `System.register(id, deps, declare)` calls, one per script. */
  source: string;
  /** Each script's id: its project-relative path (`assets/scripts/...ts`). */
  ids: string[];
}

const ANONYMOUS_REGISTER = /^System\.register\(\[/;

/**
 * Compiles every script under root/assets/ with the editor's module loader (the pipeline of
 * `npm run cocos:compile`) into the editor's own output format, SystemJS modules, named by project path
 * so one file (the main bundle's index.js) can hold them all.
 * Imports of other scripts point at those names; `cc` and `cc/env` stay bare for the boot's loader.
 */
export function compileProjectScripts(root: string): ProjectScripts {
  const modLo = createEditorModLo(root);
  const { scripts, findings } = compileScripts(root, modLo);
  const problems = [...findings, ...checkLinks(scripts)];
  if (problems.length > 0) {
    throw new Error(
      `the project's scripts do not compile as in the editor (npm run cocos:compile):\n${problems
        .map((problem) => problem.message)
        .join('\n')}`,
    );
  }
  const modules = scripts.map((script) => {
    const mod = modLo.load(pathToFileURL(resolve(root, script.file)));
    const code = mod.systemjs((specifier) => script.imports.get(specifier) ?? specifier).source.code;
    if (!ANONYMOUS_REGISTER.test(code)) {
      throw new Error(`${script.file}: the module loader's output does not start with System.register([`);
    }
    return code.replace(ANONYMOUS_REGISTER, `System.register(${JSON.stringify(script.file)}, [`);
  });
  return { source: `${modules.join('\n')}\n`, ids: scripts.map((script) => script.file) };
}
