/**
 * What `cc/env` answers in a bytedance mini game build (the editor's import map points scripts at the
 * engine's constants; this package's loader gets them from here).
 */
module.exports = {
  BUILD: true,
  DEBUG: true,
  DEV: false,
  EDITOR: false,
  EDITOR_NOT_IN_PREVIEW: false,
  PREVIEW: false,
  TEST: false,
  JSB: false,
  NATIVE: false,
  HTML5: false,
  MINIGAME: true,
  BYTEDANCE: true,
  WECHAT: false,
  WECHAT_MINI_PROGRAM: false,
  ALIPAY: false,
  BAIDU: false,
  XIAOMI: false,
  OPPO: false,
  VIVO: false,
  HUAWEI: false,
  TAOBAO: false,
  TAOBAO_MINIGAME: false,
  RUNTIME_BASED: false,
  SUPPORT_JIT: false,
  SERVER_MODE: false,
  NOT_PACK_PHYSX_LIBS: false,
  WEBGPU: false,
  OPEN_HARMONY: false,
};
