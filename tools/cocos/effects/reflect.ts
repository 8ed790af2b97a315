import { EffectError } from './effectSource';

/**
 * Reads one preprocessed program stage: its global declarations (uniform blocks, sampler textures,
 * `in`/`out` variables) with the defines that gate each, and every macro its `#if`s test.
 */

export interface Member {
  name: string;
  type: string;
  precision: string;
  count: number;
}

interface DeclarationBase {
  name: string;
  /** The defines that must hold for it to exist, as the engine reads them (`NAME` or `!NAME`). */
  defines: string[];
  /** `#pragma builtin(…)` before it: one of the engine's own blocks or textures. */
  builtin: 'global' | 'local' | null;
  /** Index of its first line and number of lines in `StageModel.lines`. */
  line: number;
  lineCount: number;
}

export interface BlockDeclaration extends DeclarationBase {
  kind: 'block';
  members: Member[];
}

export interface SamplerDeclaration extends DeclarationBase {
  kind: 'sampler';
  type: string;
  precision: string;
}

export interface VariableDeclaration extends DeclarationBase {
  kind: 'in' | 'out';
  type: string;
  precision: string;
}

export type Declaration = BlockDeclaration | SamplerDeclaration | VariableDeclaration;

export interface DefineUse {
  name: string;
  /** Compared with a number somewhere (`#if X > 1`): a number define; otherwise a boolean one. */
  numeric: boolean;
}

export interface StageModel {
  lines: string[];
  declarations: Declaration[];
  /** Macros the `#if`s test, in order of first use; the program's own `#define`s and GL's are left out. */
  defineUses: DefineUse[];
  /** Identifiers used by code (function bodies, initialisers, macro bodies), not by declarations. */
  usedIdentifiers: Set<string>;
}

const LAYOUT = String.raw`(?:layout\s*\([^)]*\)\s*)?`;
const PRECISION = String.raw`(?:(lowp|mediump|highp)\s+)?`;
const BLOCK_START = new RegExp(String.raw`^${LAYOUT}uniform\s+(\w+)\s*\{(.*)$`);
const UNIFORM = new RegExp(String.raw`^${LAYOUT}uniform\s+${PRECISION}(\w+)\s+(\w+)\s*;$`);
const VARIABLE = new RegExp(String.raw`^${LAYOUT}(in|out)\s+${PRECISION}(\w+)\s+(\w+)\s*;$`);
const MEMBER = new RegExp(String.raw`^${PRECISION}(\w+)\s+(\w+)\s*(?:\[\s*(\d+)\s*\])?$`);
const DIRECTIVE = /^\s*#\s*(\w+)\s*(.*)$/;
const IDENTIFIER = /[A-Za-z_]\w*/g;
const GLSL_MACRO = /^(__\w+__|GL_\w+|defined)$/;

/** The defines a condition gates on: simple tests only; a condition with `||` gates on nothing. */
function gatesOf(directive: string, expression: string): string[] {
  if (directive === 'ifdef') return [expression.trim()];
  if (directive === 'ifndef') return [`!${expression.trim()}`];
  if (expression.includes('||')) return [];
  const names = [...expression.matchAll(/(!?)\s*(?:defined\s*\(\s*)?([A-Za-z_]\w*)/g)];
  return names.filter((match) => !GLSL_MACRO.test(match[2] ?? '')).map((match) => `${match[1]}${match[2]}`);
}

function parseMembers(body: string, where: string): Member[] {
  return body
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = MEMBER.exec(part);
      if (!match?.[2] || !match[3]) throw new EffectError(where, `cannot read the block member "${part}"`);
      return { precision: match[1] ?? '', type: match[2], name: match[3], count: Number(match[4] ?? 1) };
    });
}

export function reflectStage(lines: readonly string[], where: string): StageModel {
  const model: StageModel = {
    lines: [...lines],
    declarations: [],
    defineUses: [],
    usedIdentifiers: new Set(),
  };
  const defined = new Set<string>();
  const uses = new Map<string, DefineUse>();
  const stack: string[][] = [];
  let depth = 0;
  let builtin: 'global' | 'local' | null = null;

  const noteCondition = (expression: string): void => {
    const numeric = /[<>=!]=|[<>]/.test(expression) && /\b\d/.test(expression);
    for (const [name] of expression.matchAll(IDENTIFIER)) {
      if (GLSL_MACRO.test(name) || defined.has(name)) continue;
      const use = uses.get(name) ?? { name, numeric: false };
      use.numeric ||= numeric;
      uses.set(name, use);
    }
  };
  const gates = (): string[] => stack.flat();
  const declare = (declaration: Declaration): void => {
    model.declarations.push(declaration);
    builtin = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      const [, name = '', rest = ''] = directive;
      if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
        noteCondition(rest);
        stack.push(gatesOf(name, rest));
      } else if (name === 'elif') {
        noteCondition(rest);
        stack[stack.length - 1] = gatesOf('if', rest);
      } else if (name === 'else') {
        const top = stack[stack.length - 1] ?? [];
        const only = top.length === 1 ? top[0] : undefined;
        stack[stack.length - 1] = only ? [only.startsWith('!') ? only.slice(1) : `!${only}`] : [];
      } else if (name === 'endif') {
        if (stack.pop() === undefined) throw new EffectError(where, '#endif without #if');
      } else if (name === 'define') {
        const macro = /^(\w+)(.*)$/.exec(rest);
        if (macro?.[1]) defined.add(macro[1]);
        for (const [word] of (macro?.[2] ?? '').matchAll(IDENTIFIER)) model.usedIdentifiers.add(word);
      } else if (name === 'pragma') {
        builtin = rest.includes('global') ? 'global' : 'local';
      } else if (name !== 'undef') {
        throw new EffectError(where, `#${name} is not supported in a CCProgram`);
      }
      continue;
    }
    if (depth === 0) {
      const base = { defines: gates(), builtin, line: index, lineCount: 1 };
      const blockStart = BLOCK_START.exec(line);
      if (blockStart?.[1]) {
        let body = blockStart[2] ?? '';
        let end = index;
        while (!body.includes('}')) {
          end++;
          if (end >= lines.length)
            throw new EffectError(where, `uniform block ${blockStart[1]} is not closed`);
          body += ` ${lines[end]?.trim() ?? ''}`;
        }
        if (!/^\s*;\s*$/.test(body.slice(body.indexOf('}') + 1))) {
          throw new EffectError(
            where,
            `uniform block ${blockStart[1]} must end with "};" (no instance name)`,
          );
        }
        const members = parseMembers(body.slice(0, body.indexOf('}')), `${where} (${blockStart[1]})`);
        declare({ ...base, kind: 'block', name: blockStart[1], members, lineCount: end - index + 1 });
        index = end;
        continue;
      }
      const uniform = UNIFORM.exec(line);
      if (uniform?.[2] && uniform[3]) {
        if (!uniform[2].startsWith('sampler')) {
          throw new EffectError(
            where,
            `uniform ${uniform[3]} is outside a block: Cocos effects keep uniforms in blocks`,
          );
        }
        declare({
          ...base,
          kind: 'sampler',
          name: uniform[3],
          type: uniform[2],
          precision: uniform[1] ?? '',
        });
        continue;
      }
      const variable = VARIABLE.exec(line);
      if (variable?.[1] && variable[3] && variable[4]) {
        const kind = variable[1] === 'in' ? 'in' : 'out';
        declare({ ...base, kind, name: variable[4], type: variable[3], precision: variable[2] ?? '' });
        continue;
      }
      if (builtin) throw new EffectError(where, `#pragma builtin is not followed by a uniform: ${line}`);
    }
    for (const [word] of line.matchAll(IDENTIFIER)) model.usedIdentifiers.add(word);
    for (const char of line) {
      if (char === '{') depth++;
      else if (char === '}') depth--;
    }
  }
  if (stack.length > 0) throw new EffectError(where, '#if without #endif');
  // A macro the program defines itself (`#ifndef X` / `#define X 1`) is a default, not a define.
  model.defineUses = [...uses.values()].filter((use) => !defined.has(use.name));
  for (const declaration of model.declarations) {
    declaration.defines = declaration.defines.filter((gate) => !defined.has(gate.replace('!', '')));
  }
  return model;
}
