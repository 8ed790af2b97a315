import type { DefineMeta, Extension } from './preprocess';
import type { Declaration, StageModel } from './reflect';

/**
 * Writes one stage of a program as the engine's WebGL backends take it: `glsl1` for WebGL 1 (GLSL ES
 * 1.00) and `glsl3` for WebGL 2 (GLSL ES 3.00, the engine prepends `#version 300 es` and its defines).
 */

export type Target = 'glsl1' | 'glsl3';
export type Stage = 'vertex' | 'fragment';

export interface StageSource {
  model: StageModel;
  extensions: Extension[];
  defineMeta: ReadonlyMap<string, DefineMeta>;
  /** The entry function (`vert`, `frag`). */
  entry: string;
}

/** Vertex inputs' locations: in declaration order, whichever defines gate them. */
export function attributeLocations(model: StageModel): Map<string, number> {
  const inputs = model.declarations.filter((declaration) => declaration.kind === 'in');
  return new Map(inputs.map((input, location) => [input.name, location]));
}

const qualified = (precision: string, type: string, name: string, count = 1): string =>
  `${precision ? `${precision} ` : ''}${type} ${name}${count > 1 ? `[${count}]` : ''}`;

function declarationLines(
  declaration: Declaration,
  target: Target,
  stage: Stage,
  model: StageModel,
  locations: Map<string, number>,
): string[] {
  switch (declaration.kind) {
    case 'block': {
      if (target === 'glsl3') {
        const members = declaration.members.map(
          (member) => `  ${qualified(member.precision, member.type, member.name, member.count)};`,
        );
        return [`layout(std140) uniform ${declaration.name} {`, ...members, '};'];
      }
      // WebGL 1 has no blocks: the engine sets each member by name, so only the used ones are declared.
      return declaration.members
        .filter((member) => model.usedIdentifiers.has(member.name))
        .map((member) => `uniform ${qualified(member.precision, member.type, member.name, member.count)};`);
    }
    case 'sampler':
      return [`uniform ${qualified(declaration.precision, declaration.type, declaration.name)};`];
    case 'in': {
      const variable = qualified(declaration.precision, declaration.type, declaration.name);
      if (stage === 'fragment') return [`${target === 'glsl1' ? 'varying' : 'in'} ${variable};`];
      if (target === 'glsl1') return [`attribute ${variable};`];
      return [`layout(location = ${locations.get(declaration.name)}) in ${variable};`];
    }
    case 'out': {
      const variable = qualified(declaration.precision, declaration.type, declaration.name);
      return [`${target === 'glsl1' ? 'varying' : 'out'} ${variable};`];
    }
  }
}

function extensionLines(extensions: Extension[], target: Target): string[] {
  return extensions
    .filter((extension) => target === 'glsl1' || !extension.glsl1Only)
    .flatMap((extension) =>
      target === 'glsl1'
        ? [`#ifdef ${extension.name}`, `#extension ${extension.name}: enable`, '#endif']
        : [`#extension ${extension.name}: enable`],
    );
}

export function emitStage({ model, extensions, entry }: StageSource, target: Target, stage: Stage): string {
  const locations = attributeLocations(model);
  const byLine = new Map(model.declarations.map((declaration) => [declaration.line, declaration]));
  const out = extensionLines(extensions, target);
  for (let index = 0; index < model.lines.length; index++) {
    const declaration = byLine.get(index);
    if (declaration) {
      out.push(...declarationLines(declaration, target, stage, model, locations));
      index += declaration.lineCount - 1;
      continue;
    }
    const line = model.lines[index] ?? '';
    if (/^\s*#\s*pragma\s+builtin/.test(line)) continue;
    out.push(target === 'glsl1' ? line.replace(/\btexture\s*\(/g, 'texture2D(') : line);
  }
  if (stage === 'vertex') out.push(`void main() { gl_Position = ${entry}(); }`);
  else if (target === 'glsl1') out.push(`void main() { gl_FragColor = ${entry}(); }`);
  else out.push('layout(location = 0) out vec4 cc_FragColor;', `void main() { cc_FragColor = ${entry}(); }`);
  return `${out.join('\n')}\n`;
}
