/**
 * The compiled effect as the runtime's EffectAsset holds it (cocos/asset/assets/effect-asset.ts in the
 * engine's source: ITechniqueInfo, IPassInfo, IShaderInfo, ...), the part the WebGL backends read.
 */

export interface UniformMember {
  name: string;
  type: number;
  count: number;
}

export interface BlockInfo {
  name: string;
  members: UniformMember[];
  defines: string[];
  stageFlags: number;
  binding: number;
}

export interface SamplerTextureInfo {
  name: string;
  type: number;
  count: number;
  defines: string[];
  stageFlags: number;
  binding: number;
}

export interface AttributeInfo {
  name: string;
  format: number;
  isNormalized: boolean;
  stream: number;
  isInstanced: boolean;
  location: number;
  defines: string[];
}

export interface DefineInfo {
  name: string;
  type: 'boolean' | 'number' | 'string';
  range?: [number, number];
  options?: string[];
}

export interface BuiltinRef {
  name: string;
  defines: string[];
}

export interface BuiltinSet {
  blocks: BuiltinRef[];
  samplerTextures: BuiltinRef[];
  buffers: BuiltinRef[];
  images: BuiltinRef[];
}

export interface StageSources {
  vert: string;
  frag: string;
}

export interface ShaderInfo {
  name: string;
  hash: number;
  glsl1: StageSources;
  glsl3: StageSources;
  builtins: { globals: BuiltinSet; locals: BuiltinSet; statistics: Record<string, number> };
  defines: DefineInfo[];
  attributes: AttributeInfo[];
  blocks: BlockInfo[];
  samplerTextures: SamplerTextureInfo[];
  samplers: never[];
  textures: never[];
  buffers: never[];
  images: never[];
  subpassInputs: never[];
  descriptors: never[];
}

export interface PropertyInfo {
  type: number;
  value?: number[] | string;
}

export interface PassInfo extends Record<string, unknown> {
  program: string;
  properties?: Record<string, PropertyInfo>;
}

export interface EffectData {
  /** The effect's path under effects/ without extension: the name materials and the engine use. */
  name: string;
  techniques: { name?: string; passes: PassInfo[] }[];
  shaders: ShaderInfo[];
  combinations: never[];
}
