import { pathToFileURL } from 'node:url';
import { compileScripts } from './compileScripts';
import { createEditorModLo } from './editorModLo';
import { checkToolchain, editorToolchain } from './editorToolchain';
import type { CocosFinding } from './findings';
import { checkLinks } from './linkScripts';

/**
 * Compiles every script under root/assets/ as Cocos Creator 3.8's editor does (its module loader,
 * its Babel preset) and returns what the editor would reject: syntax its parser does not know,
 * imports its resolver does not find, names that are not there once types are erased.
 */
export function compileLikeEditor(root: string): CocosFinding[] {
  const toolchain = checkToolchain(editorToolchain());
  if (toolchain.length > 0) return toolchain;
  const { scripts, findings } = compileScripts(root, createEditorModLo(root));
  return [...findings, ...checkLinks(scripts)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2] ?? process.cwd();
  const { modLo, presetCc, babelCore, babelParser } = editorToolchain();
  console.log(
    `Compiling ${root}/assets like the editor: mod-lo ${modLo}, babel-preset-cc ${presetCc}, ` +
      `@babel/core ${babelCore}, @babel/parser ${babelParser}`,
  );
  const findings = compileLikeEditor(root);
  for (const finding of findings) console.error(`✗ ${finding.message}`);
  console.log(
    findings.length === 0 ? 'Every script compiles as in the editor' : `${findings.length} compile problems`,
  );
  process.exit(findings.length === 0 ? 0 : 1);
}
