import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModLo, Specifier } from '@cocos/creator-programming-mod-lo';
import { listScripts } from './boundary';
import { assetsUrl } from './editorModLo';
import type { CocosFinding } from './findings';

export interface CompiledScript {
  /** Project-relative path with `/` separators. */
  file: string;
  source: string;
  /** The module after the editor's Babel pass, still as ES module syntax. */
  esm: string;
  /** Each relative or bare specifier, and the project script it resolved to (if it is one). */
  imports: Map<string, string | undefined>;
}

interface BabelSyntaxError {
  message: string;
  loc: { line: number; column: number };
}

function isBabelSyntaxError(error: unknown): error is BabelSyntaxError {
  if (!(error instanceof Error)) return false;
  const loc: unknown = Reflect.get(error, 'loc');
  return typeof loc === 'object' && loc !== null && typeof Reflect.get(loc, 'line') === 'number';
}

function metaUuid(path: string): string | undefined {
  if (!existsSync(`${path}.meta`)) return undefined;
  const meta: unknown = JSON.parse(readFileSync(`${path}.meta`, 'utf8'));
  const uuid = typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'uuid') : undefined;
  return typeof uuid === 'string' ? uuid : undefined;
}

function projectPath(root: string, url: URL): string {
  return relative(resolve(root), fileURLToPath(url)).split(sep).join('/');
}

function syntaxFinding(file: string, source: string, error: unknown): CocosFinding {
  if (!isBabelSyntaxError(error)) {
    return { check: 'compile', file, message: `${file}: the editor's Babel fails: ${String(error)}` };
  }
  const { line, column } = error.loc;
  // Babel's message starts with the file name and ends with a code frame; keep only the reason.
  const reason = (error.message.split('\n')[0] ?? '').split(': ').pop() ?? error.message;
  const text = source.split('\n')[line - 1] ?? '';
  const hint = /^\s*export\s+type\s+\*/.test(text)
    ? "`export type * from` is TypeScript 5.0 syntax; name the types: export type { A, B } from '...'"
    : 'use syntax TypeScript 4.x already had';
  return {
    check: 'compile',
    file,
    message: `${file}:${line}:${column + 1}: the editor's Babel cannot parse this (${reason}): ${hint}`,
  };
}

function resolveFinding(file: string, specifier: Specifier, error: unknown): CocosFinding {
  const line = specifier.loc ? `:${specifier.loc.start.line}` : '';
  const target = specifier.value;
  const relativeHint = /^\.\.?\//.test(target)
    ? ` The editor's resolver takes the path as written, then tries only '${target}.ts' and '${target}/index.ts'` +
      (/\.(js|mjs|ts)$/.test(target) ? `: write '${target.replace(/\.(js|mjs|ts)$/, '')}'.` : '.')
    : " Only 'cc', 'cc/env' and installed packages resolve by name.";
  // mod-lo's own messages are i18n keys outside the editor; name the failure instead.
  const reason =
    error instanceof Error && error.constructor.name === 'ModuleNotFoundError'
      ? 'module not found'
      : error instanceof Error && error.constructor.name === 'UnsupportedDirectoryImportError'
        ? 'a folder, not a file'
        : String(error);
  return {
    check: 'compile',
    file,
    message: `${file}${line}: import '${target}' is not found by the editor (${reason}).${relativeHint}`,
  };
}

/**
 * Loads every script under the project's assets/ through the editor's module loader: Babel with
 * Cocos's preset, then the SystemJS pass that lists the imports, each resolved as the editor does.
 */
export function compileScripts(
  root: string,
  modLo: ModLo,
): { scripts: CompiledScript[]; findings: CocosFinding[] } {
  const scripts: CompiledScript[] = [];
  const findings: CocosFinding[] = [];
  const assets = assetsUrl(root);
  for (const file of listScripts(root, 'assets').filter((path) => !path.endsWith('.d.ts'))) {
    const path = join(root, file);
    const url = pathToFileURL(resolve(path));
    const uuid = metaUuid(path);
    if (uuid) modLo.setUUID(url.href, uuid);
    const source = readFileSync(path, 'utf8');
    let specifiers: Specifier[];
    let esm: string;
    try {
      const mod = modLo.load(url);
      if (mod.type !== 'esm') continue;
      specifiers = mod.systemjs(() => undefined).moduleSpecifiers;
      esm = mod.module().code;
    } catch (error) {
      findings.push(syntaxFinding(file, source, error));
      continue;
    }
    const imports = new Map<string, string | undefined>();
    for (const specifier of specifiers) {
      try {
        const resolved = modLo.resolve(specifier.value, url, 'esm');
        const target =
          resolved.isExternal || !resolved.url.href.startsWith(assets) ? undefined : resolved.url;
        imports.set(specifier.value, target && projectPath(root, target));
      } catch (error) {
        findings.push(resolveFinding(file, specifier, error));
      }
    }
    scripts.push({ file, source, esm, imports });
  }
  return { scripts, findings };
}
