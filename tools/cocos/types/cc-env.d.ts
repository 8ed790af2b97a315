// The editor generates this module's declarations into temp/declarations/cc.env.d.ts; @cocos/creator-types
// does not ship them. These are the build-time constants of Cocos Creator 3.8 that this project may read.
declare module 'cc/env' {
  export const EDITOR: boolean;
  export const PREVIEW: boolean;
  export const BUILD: boolean;
  export const DEBUG: boolean;
  export const DEV: boolean;
  export const HTML5: boolean;
  export const NATIVE: boolean;
  export const MINIGAME: boolean;
  export const WECHAT: boolean;
  export const BYTEDANCE: boolean;
}
