/**
 * Repairs of known defects in the engine's bytedance adapters, each made only when a probe shows the
 * defect on the running engine, and listed in GameGlobal.__engineBoot.repairs.
 *
 * ImageAsset.prototype.data: the 3.8.5 engine-adapter redefines this getter to read `_nativeData`, a field
 * the engine renamed (`_nativeData$`), so it returns nothing and every texture made from an ImageAsset
 * uploads empty (Labels and SubContextView upload their canvases directly and are not affected). The
 * repair puts back the engine's own getter, saved before the adapter ran.
 */

function imageDataProbe(cc) {
  const pixels = new Uint8Array([255, 0, 0, 255]);
  const asset = new cc.ImageAsset({
    _data: pixels,
    _compressed: false,
    width: 1,
    height: 1,
    format: cc.Texture2D.PixelFormat.RGBA8888,
  });
  return asset.data === pixels;
}

/** What the adapter may replace, read from the engine before the engine-adapter runs. */
function beforeEngineAdapter(cc) {
  return { imageAssetData: Object.getOwnPropertyDescriptor(cc.ImageAsset.prototype, 'data') };
}

/** Probes each known defect after the engine-adapter ran, repairs what is broken, returns the repairs. */
function afterEngineAdapter(cc, engineState) {
  const repairs = [];
  if (!imageDataProbe(cc)) {
    Object.defineProperty(cc.ImageAsset.prototype, 'data', engineState.imageAssetData);
    if (!imageDataProbe(cc)) {
      throw new Error("ImageAsset.prototype.data loses the image even with the engine's own getter");
    }
    repairs.push('ImageAsset.prototype.data');
  }
  return repairs;
}

module.exports = { beforeEngineAdapter, afterEngineAdapter };
