/**
 * ByteDance `tt` APIs that engines' adapters reference but the simulator does not implement. Each is
 * present (so an adapter that copies methods it finds keeps a reference) and throws with its name when
 * called, so a game never meets a silent no-op here that would behave differently on the device. Names
 * not listed here are simply absent: feature checks such as `if (tt.getUpdateManager)` see undefined,
 * and a call fails with the engine's own "tt.x is not a function".
 */

export const unimplementedInGame = [
  'createInnerAudioContext',
  'createVideo',
  'createOffscreenVideo',
  'createWorker',
  'connectSocket',
  'downloadFile',
  'saveFile',
  'readFile',
  'getLocation',
  'startAccelerometer',
  'stopAccelerometer',
  'onAccelerometerChange',
  'offAccelerometerChange',
  'showKeyboard',
  'hideKeyboard',
  'updateKeyboard',
  'onKeyboardInput',
  'onKeyboardConfirm',
  'onKeyboardComplete',
  'offKeyboardInput',
  'offKeyboardConfirm',
  'offKeyboardComplete',
  'loadFont',
] as const;

export function notImplemented(name: string): () => never {
  return () => {
    throw new Error(`tt.${name} is not implemented by the simulator`);
  };
}

export function unimplementedApis(names: readonly string[]): Record<string, () => never> {
  return Object.fromEntries(names.map((name) => [name, notImplemented(name)]));
}
