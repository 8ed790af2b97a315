/**
 * Splits a `.effect` file into its parts: the `CCEffect %{ … }%` header (YAML) and the named
 * `CCProgram <name> %{ … }%` blocks (GLSL with Cocos's `#include` and `#pragma` extensions).
 */

export class EffectError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'EffectError';
  }
}

export interface EffectSource {
  /** The YAML between `CCEffect %{` and `}%`. */
  header: string;
  /** Each `CCProgram`'s GLSL by name, in file order. */
  programs: Map<string, string>;
}

const SECTION = /\b(CCEffect|CCProgram)\s*([\w-]*)\s*%\{/g;

export function splitEffect(text: string, where: string): EffectSource {
  let header: string | null = null;
  const programs = new Map<string, string>();
  for (const match of text.matchAll(SECTION)) {
    const [opening, kind, name] = match;
    const start = (match.index ?? 0) + opening.length;
    const end = text.indexOf('}%', start);
    if (end < 0) throw new EffectError(where, `${kind} ${name ?? ''} has no closing }%`.replace('  ', ' '));
    const body = text.slice(start, end);
    if (kind === 'CCEffect') {
      if (header !== null) throw new EffectError(where, 'more than one CCEffect block');
      header = body;
    } else {
      if (!name) throw new EffectError(where, 'a CCProgram without a name');
      if (programs.has(name)) throw new EffectError(where, `CCProgram ${name} is defined twice`);
      programs.set(name, body);
    }
  }
  if (header === null) throw new EffectError(where, 'no CCEffect %{ … }% block');
  return { header, programs };
}
