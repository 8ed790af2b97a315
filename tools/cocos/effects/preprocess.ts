import { EffectError } from './effectSource';

/**
 * The Cocos extensions to GLSL in a `CCProgram`, resolved into plain GLSL lines: `#include <chunk>`
 * inlined once per program (chunks from the engine's `chunks/` folder or another `CCProgram` of the same
 * effect), comments removed, `#pragma define` turned into `#define`, and the pragmas that carry data
 * (`define-meta`, `extension`, `builtin`) read out. Any other pragma is refused: this compiler covers
 * what the builtin 2D effects use.
 */

export interface DefineMeta {
  range?: [number, number];
  options?: string[];
}

export interface Extension {
  name: string;
  /** Only for GLSL 1 (`__VERSION__ < 300`), or for both. */
  glsl1Only: boolean;
}

export interface PreprocessedProgram {
  /** GLSL lines; `#pragma builtin(global|local)` stays as a marker for the declaration after it. */
  lines: string[];
  extensions: Extension[];
  defineMeta: Map<string, DefineMeta>;
}

/** Finds an included chunk's text: `<builtin/uniforms/cc-global>` → chunks/builtin/uniforms/cc-global.chunk. */
export type ChunkReader = (path: string) => string | undefined;

export function stripComments(source: string): string {
  // Block comments keep their line breaks, so later errors still point at the right line count.
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .replace(/\/\/[^\n]*/g, '');
}

const INCLUDE = /^\s*#include\s+[<"]([^>"]+)[>"]\s*$/;
const PRAGMA = /^\s*#pragma\s+([\w-]+)\s*(.*)$/;
const BUILTIN = /^\(\s*(global|local)\s*\)$/;
const EXTENSION = /^\(\s*\[\s*(\w+)\s*(?:,\s*(.*?)\s*)?\]\s*\)$/;

function readDefineMeta(rest: string, where: string): [string, DefineMeta] {
  const match = /^(\w+)\s*(.*)$/.exec(rest);
  if (!match?.[1]) throw new EffectError(where, `#pragma define-meta without a name: ${rest}`);
  const meta: DefineMeta = {};
  const range = /range\(\s*\[\s*(-?\d+)\s*,\s*(-?\d+)\s*\]\s*\)/.exec(match[2] ?? '');
  if (range) meta.range = [Number(range[1]), Number(range[2])];
  const options = /options\(\s*\[([^\]]*)\]\s*\)/.exec(match[2] ?? '');
  if (options?.[1]) meta.options = options[1].split(',').map((option) => option.trim());
  return [match[1], meta];
}

function readExtension(rest: string, where: string): Extension {
  const match = EXTENSION.exec(rest);
  if (!match?.[1]) throw new EffectError(where, `#pragma extension must be ([NAME, condition]): ${rest}`);
  const condition = (match[2] ?? '').replace(/\s+/g, ' ');
  if (condition !== '' && condition !== '__VERSION__ < 300') {
    throw new EffectError(where, `#pragma extension condition "${condition}" is not supported`);
  }
  return { name: match[1], glsl1Only: condition !== '' };
}

/**
 * Resolves one program: `programs` are the effect's own `CCProgram` blocks, `readChunk` the engine's
 * chunks. `where` names the effect in errors.
 */
export function preprocessProgram(
  name: string,
  programs: ReadonlyMap<string, string>,
  readChunk: ChunkReader,
  where: string,
): PreprocessedProgram {
  const out: PreprocessedProgram = { lines: [], extensions: [], defineMeta: new Map() };
  const included = new Set<string>();
  const expand = (source: string, from: string, chain: string[]): void => {
    for (const line of stripComments(source).split('\n')) {
      const include = INCLUDE.exec(line);
      if (include?.[1]) {
        const path = include[1];
        if (chain.includes(path)) throw new EffectError(where, `${from} includes ${path} in a cycle`);
        if (included.has(path)) continue;
        const text = programs.get(path) ?? readChunk(path);
        if (text === undefined)
          throw new EffectError(where, `${from} includes <${path}>, which was not found`);
        included.add(path);
        expand(text, path, [...chain, path]);
        continue;
      }
      const pragma = PRAGMA.exec(line);
      if (!pragma) {
        if (line.trim() !== '') out.lines.push(line.trimEnd());
        continue;
      }
      const [, kind, rest = ''] = pragma;
      const at = `${where} (${from})`;
      if (kind === 'define') out.lines.push(`#define ${rest.trim()}`);
      else if (kind === 'define-meta') out.defineMeta.set(...readDefineMeta(rest.trim(), at));
      else if (kind === 'extension') out.extensions.push(readExtension(rest.trim(), at));
      else if (kind === 'builtin' && BUILTIN.test(rest.trim()))
        out.lines.push(`#pragma builtin${rest.trim()}`);
      else throw new EffectError(at, `#pragma ${kind} ${rest.trim()} is not supported by this compiler`);
    }
  };
  const source = programs.get(name);
  if (source === undefined) throw new EffectError(where, `no CCProgram named ${name}`);
  included.add(name);
  expand(source, name, [name]);
  return out;
}
