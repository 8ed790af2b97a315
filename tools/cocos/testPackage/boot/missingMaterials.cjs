/**
 * A stand-in for the builtin UI materials, used only when the engine build has none (the bundle in
 * ../shared/cocos-engine has no `internal` bundle: its effects need the editor's effect compiler, part 2
 * of issue #14). Without it `Label`, `Sprite` and `Graphics` throw a TypeError from `onEnable` (they
 * read `material.passes[0]`), which aborts the `addComponent` that enabled them and with it the game
 * component's `onLoad`. With it those renderers keep their state and layout but draw nothing, and
 * everything else (scene, lifecycle, input, SubContextView's texture upload) runs unchanged.
 */

const UI_MATERIALS = ['ui-base-material', 'ui-sprite-material', 'ui-graphics-material'];

/** Returns the names of the missing builtin UI materials; installs the stand-in if any are missing. */
function standInForMissingMaterials(cc) {
  const missing = UI_MATERIALS.filter((name) => !cc.builtinResMgr.get(name));
  if (missing.length === 0) return missing;
  const renderer = cc.UIRenderer.prototype;
  const updateBlendFunc = renderer._updateBlendFunc;
  renderer._updateBlendFunc = function () {
    if (this.getRenderMaterial(0)) updateBlendFunc.call(this);
  };
  const canRender = renderer._canRender;
  renderer._canRender = function () {
    return Boolean(this.getSharedMaterial(0)) && canRender.call(this);
  };
  const graphics = cc.Graphics.prototype;
  const updateGraphicsMaterial = graphics._updateMtlForGraphics;
  graphics._updateMtlForGraphics = function () {
    if (this._customMaterial || cc.builtinResMgr.get('ui-graphics-material'))
      updateGraphicsMaterial.call(this);
  };
  return missing;
}

module.exports = { standInForMissingMaterials };
