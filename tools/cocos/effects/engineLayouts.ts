/**
 * The engine's own layouts of the builtin uniform blocks and sampler textures the 2D effects use, as
 * 3.8's cocos/rendering/define.ts declares them (UBOGlobal, UBOCamera, UBOLocal, the sprite texture).
 * The engine fills these blocks member by member at its own offsets, so a shader that declares one
 * differently reads the wrong values: the compiler checks every `#pragma builtin` declaration against
 * this table, and the engine e2e checks this table against the running engine's.
 */

export interface LayoutMember {
  name: string;
  /** GLSL type of the member. */
  type: string;
  count: number;
}

export interface BuiltinBlock {
  kind: 'block';
  scope: 'global' | 'local';
  members: readonly LayoutMember[];
}

export interface BuiltinSampler {
  kind: 'sampler';
  scope: 'global' | 'local';
  type: string;
}

const vec4 = (name: string): LayoutMember => ({ name, type: 'vec4', count: 1 });
const mat4 = (name: string): LayoutMember => ({ name, type: 'mat4', count: 1 });

export const ENGINE_BUILTINS: Readonly<Record<string, BuiltinBlock | BuiltinSampler>> = {
  CCGlobal: {
    kind: 'block',
    scope: 'global',
    members: ['cc_time', 'cc_screenSize', 'cc_nativeSize', 'cc_probeInfo', 'cc_debug_view_mode'].map(vec4),
  },
  CCCamera: {
    kind: 'block',
    scope: 'global',
    members: [
      ...[
        'cc_matView',
        'cc_matViewInv',
        'cc_matProj',
        'cc_matProjInv',
        'cc_matViewProj',
        'cc_matViewProjInv',
      ].map(mat4),
      ...[
        'cc_cameraPos',
        'cc_surfaceTransform',
        'cc_screenScale',
        'cc_exposure',
        'cc_mainLitDir',
        'cc_mainLitColor',
        'cc_ambientSky',
        'cc_ambientGround',
        'cc_fogColor',
        'cc_fogBase',
        'cc_fogAdd',
        'cc_nearFar',
        'cc_viewPort',
      ].map(vec4),
    ],
  },
  CCLocal: {
    kind: 'block',
    scope: 'local',
    members: [
      ...['cc_matWorld', 'cc_matWorldIT'].map(mat4),
      ...[
        'cc_lightingMapUVParam',
        'cc_localShadowBias',
        'cc_reflectionProbeData1',
        'cc_reflectionProbeData2',
        'cc_reflectionProbeBlendData1',
        'cc_reflectionProbeBlendData2',
      ].map(vec4),
    ],
  },
  cc_spriteTexture: { kind: 'sampler', scope: 'local', type: 'sampler2D' },
};
