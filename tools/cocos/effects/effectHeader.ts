import { parse } from 'yaml';
import { EffectError } from './effectSource';
import {
  BLEND_TARGET_FIELDS,
  DEPTH_STENCIL_FIELDS,
  PRIMITIVE_MODES,
  RASTERIZER_FIELDS,
  RENDER_PRIORITY,
  type StateField,
} from './gfx';

/**
 * The `CCEffect` header: techniques and their passes, each naming its vertex and fragment program
 * (`sprite-vs:vert`), with render states written as the engine's gfx numbers and properties as declared.
 */

export interface PassHeader {
  vert: { program: string; entry: string };
  frag: { program: string; entry: string };
  /** Render states and other pass fields, ready for the runtime (gfx numbers). */
  states: Record<string, unknown>;
  /** `properties` as written: name → { value?, … }. */
  properties: Record<string, Record<string, unknown>>;
}

export interface TechniqueHeader {
  name?: string;
  passes: PassHeader[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stateValue(field: StateField, value: unknown, at: string): unknown {
  if (field === 'boolean' && typeof value === 'boolean') return value;
  if (field === 'number' && typeof value === 'number') return value;
  if (typeof field === 'object' && typeof value === 'string' && value.toLowerCase() in field.enum) {
    return field.enum[value.toLowerCase()];
  }
  if (typeof field === 'object' && typeof value === 'number') return value;
  throw new EffectError(at, `${JSON.stringify(value)} is not a valid value`);
}

function states(
  value: unknown,
  fields: Readonly<Record<string, StateField>>,
  at: string,
): Record<string, unknown> {
  if (!isRecord(value)) throw new EffectError(at, 'must be a mapping');
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const field = fields[key];
    if (!field) throw new EffectError(at, `${key} is not a state this compiler supports`);
    out[key] = stateValue(field, entry, `${at}.${key}`);
  }
  return out;
}

function priority(value: unknown, at: string): number {
  if (typeof value === 'number') return value;
  const match =
    typeof value === 'string' ? /^(min|max|default)\s*(?:([+-])\s*(\d+))?$/.exec(value.trim()) : null;
  if (!match?.[1])
    throw new EffectError(at, `priority ${JSON.stringify(value)} is not a number or min/max/default ± n`);
  const offset = Number(match[3] ?? 0) * (match[2] === '-' ? -1 : 1);
  return (RENDER_PRIORITY[match[1]] ?? 0) + offset;
}

function stageRef(value: unknown, at: string): { program: string; entry: string } {
  const match = typeof value === 'string' ? /^([\w-]+):(\w+)$/.exec(value.trim()) : null;
  if (!match?.[1] || !match[2]) throw new EffectError(at, 'must be "<program>:<entry function>"');
  return { program: match[1], entry: match[2] };
}

function readPass(pass: unknown, at: string): PassHeader {
  if (!isRecord(pass)) throw new EffectError(at, 'a pass must be a mapping');
  const out: PassHeader = {
    vert: stageRef(pass.vert, `${at}.vert`),
    frag: stageRef(pass.frag, `${at}.frag`),
    states: {},
    properties: {},
  };
  for (const [key, value] of Object.entries(pass)) {
    const where = `${at}.${key}`;
    if (key === 'vert' || key === 'frag') continue;
    if (key === 'blendState') {
      const blend = isRecord(value) ? value : {};
      const targets = Array.isArray(blend.targets) ? blend.targets : [];
      if (Object.keys(blend).some((name) => name !== 'targets')) {
        throw new EffectError(where, 'only targets is supported');
      }
      out.states.blendState = {
        targets: targets.map((target, i) => states(target, BLEND_TARGET_FIELDS, `${where}.targets[${i}]`)),
      };
    } else if (key === 'rasterizerState')
      out.states.rasterizerState = states(value, RASTERIZER_FIELDS, where);
    else if (key === 'depthStencilState')
      out.states.depthStencilState = states(value, DEPTH_STENCIL_FIELDS, where);
    else if (key === 'priority') out.states.priority = priority(value, where);
    else if (key === 'primitive') out.states.primitive = stateValue({ enum: PRIMITIVE_MODES }, value, where);
    else if (key === 'properties') {
      if (!isRecord(value)) throw new EffectError(where, 'must be a mapping');
      for (const [name, property] of Object.entries(value)) {
        if (!isRecord(property)) throw new EffectError(`${where}.${name}`, 'must be a mapping');
        out.properties[name] = property;
      }
    } else throw new EffectError(where, `${key} is not a pass field this compiler supports`);
  }
  return out;
}

export function readEffectHeader(yaml: string, where: string): TechniqueHeader[] {
  let header: unknown;
  try {
    header = parse(yaml);
  } catch (error) {
    throw new EffectError(
      where,
      `CCEffect is not valid YAML: ${error instanceof Error ? error.message : error}`,
    );
  }
  const techniques = isRecord(header) ? header.techniques : undefined;
  if (!Array.isArray(techniques) || techniques.length === 0) {
    throw new EffectError(where, 'CCEffect has no techniques');
  }
  return techniques.map((technique, t) => {
    const at = `${where} techniques[${t}]`;
    if (!isRecord(technique) || !Array.isArray(technique.passes) || technique.passes.length === 0) {
      throw new EffectError(at, 'a technique needs passes');
    }
    const passes = technique.passes.map((pass, p) => readPass(pass, `${at}.passes[${p}]`));
    return typeof technique.name === 'string' ? { name: technique.name, passes } : { passes };
  });
}
