import type { EffectData, PassInfo, PropertyInfo, ShaderInfo } from './effectData';
import { readEffectHeader } from './effectHeader';
import { EffectError, splitEffect } from './effectSource';
import { emitStage, type StageSource } from './emit';
import { checkBuiltin, checkMaterialBlock } from './layout';
import { type ChunkReader, preprocessProgram } from './preprocess';
import { reflectStage } from './reflect';
import { describeShader } from './shaderInfo';

/**
 * Compiles a Cocos `.effect` source into the data the engine's program library takes (techniques with
 * their passes and states, and per program the GLSL for WebGL 1 and 2 with its reflection). The scope is
 * what the builtin 2D effects use; anything else is refused with the effect and the reason.
 */

export interface EffectInput {
  /** Path under effects/ without extension, e.g. `for2d/builtin-sprite`. */
  name: string;
  source: string;
  readChunk: ChunkReader;
}

function compileStage(
  name: string,
  ref: { program: string; entry: string },
  programs: ReadonlyMap<string, string>,
  readChunk: ChunkReader,
): StageSource {
  const where = `${name} ${ref.program}`;
  const program = preprocessProgram(ref.program, programs, readChunk, name);
  const model = reflectStage(program.lines, where);
  if (!model.usedIdentifiers.has(ref.entry)) throw new EffectError(where, `has no function ${ref.entry}`);
  if (model.usedIdentifiers.has('samplerCube')) {
    throw new EffectError(
      where,
      'samplerCube is not supported by this compiler (2D effects sample 2D textures)',
    );
  }
  for (const declaration of model.declarations) {
    if (declaration.builtin) checkBuiltin(declaration, where);
    else if (declaration.kind === 'block') checkMaterialBlock(declaration, where);
  }
  return { model, extensions: program.extensions, defineMeta: program.defineMeta, entry: ref.entry };
}

function propertyInfo(
  name: string,
  property: Record<string, unknown>,
  shader: ShaderInfo,
  where: string,
): PropertyInfo {
  const member = shader.blocks.flatMap((block) => block.members).find((m) => m.name === name);
  const sampler = shader.samplerTextures.find((s) => s.name === name);
  const type = member?.type ?? sampler?.type;
  if (type === undefined)
    throw new EffectError(where, `property ${name} is not a uniform or texture of ${shader.name}`);
  const { value, ...rest } = property;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new EffectError(where, `property ${name}: ${extra.join(', ')} not supported`);
  if (value === undefined) return { type };
  if (sampler && typeof value === 'string') return { type, value };
  const numbers = Array.isArray(value) ? value : [value];
  if (!numbers.every((n) => typeof n === 'number')) {
    throw new EffectError(where, `property ${name}: value must be numbers`);
  }
  return { type, value: numbers as number[] };
}

export function compileEffect({ name, source, readChunk }: EffectInput): EffectData {
  const { header, programs } = splitEffect(source, name);
  const techniques = readEffectHeader(header, name);
  const shaders = new Map<string, ShaderInfo>();
  const compiledTechniques = techniques.map((technique) => ({
    ...(technique.name ? { name: technique.name } : {}),
    passes: technique.passes.map((pass): PassInfo => {
      const program = `${name}|${pass.vert.program}:${pass.vert.entry}|${pass.frag.program}:${pass.frag.entry}`;
      let shader = shaders.get(program);
      if (!shader) {
        const vertex = compileStage(name, pass.vert, programs, readChunk);
        const fragment = compileStage(name, pass.frag, programs, readChunk);
        const sources = {
          glsl1: {
            vert: emitStage(vertex, 'glsl1', 'vertex'),
            frag: emitStage(fragment, 'glsl1', 'fragment'),
          },
          glsl3: {
            vert: emitStage(vertex, 'glsl3', 'vertex'),
            frag: emitStage(fragment, 'glsl3', 'fragment'),
          },
        };
        shader = describeShader(program, vertex, fragment, sources);
        shaders.set(program, shader);
      }
      const info: PassInfo = { program, ...pass.states };
      const properties = Object.entries(pass.properties);
      if (properties.length > 0) {
        const compiled = shader;
        info.properties = Object.fromEntries(
          properties.map(([key, property]) => [key, propertyInfo(key, property, compiled, name)]),
        );
      }
      return info;
    }),
  }));
  return { name, techniques: compiledTechniques, shaders: [...shaders.values()], combinations: [] };
}
