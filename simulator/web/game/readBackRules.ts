import { guardReaders, ReadBackGuard, watchDraws } from '../shared/readBack';

/**
 * Installs the read-back rule on the browser's canvas prototypes of the game frame: drawing the shared
 * canvas (2D drawImage/createPattern, WebGL texImage/texSubImage, createImageBitmap) marks it drawn;
 * from then on getImageData, readPixels, toDataURL, toBlob and convertToBlob throw SecurityError.
 */
export function installReadBackRule(isShared: (value: unknown) => boolean): ReadBackGuard {
  const guard = new ReadBackGuard();
  const scope = window as unknown as Record<string, { prototype: object } | undefined>;
  const proto = (name: string) => scope[name]?.prototype;

  for (const name of ['CanvasRenderingContext2D', 'OffscreenCanvasRenderingContext2D']) {
    watchDraws(proto(name), ['drawImage', 'createPattern'], isShared, guard);
    guardReaders(proto(name), ['getImageData'], guard, name);
  }
  watchDraws(proto('WebGLRenderingContext'), ['texImage2D', 'texSubImage2D'], isShared, guard);
  watchDraws(
    proto('WebGL2RenderingContext'),
    ['texImage2D', 'texSubImage2D', 'texImage3D', 'texSubImage3D'],
    isShared,
    guard,
  );
  guardReaders(proto('WebGLRenderingContext'), ['readPixels'], guard, 'WebGLRenderingContext');
  guardReaders(proto('WebGL2RenderingContext'), ['readPixels'], guard, 'WebGL2RenderingContext');
  guardReaders(proto('HTMLCanvasElement'), ['toDataURL', 'toBlob'], guard, 'HTMLCanvasElement');
  guardReaders(proto('OffscreenCanvas'), ['convertToBlob'], guard, 'OffscreenCanvas');
  // A bitmap copy of the shared canvas is as good as drawing it.
  watchDraws(window, ['createImageBitmap'], isShared, guard);
  return guard;
}
