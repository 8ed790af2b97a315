import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformImage } from '../../../assets/scripts/platform/types';
import { AvatarCache } from '../../../openDataContext/src/avatars';

/**
 * An avatar served without CORS must never reach the shared canvas. Browsers refuse it (a failed load);
 * a runtime that ignores `crossOrigin` loads it tainted, which the cache's one-pixel probe catches.
 */

/** A stand-in OffscreenCanvas whose pixels become unreadable once a tainted image is drawn. */
function offscreenCanvasWith(tainted: Set<unknown>) {
  return class {
    private dirty = false;
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    getContext() {
      return {
        drawImage: (image: unknown) => {
          if (tainted.has(image)) this.dirty = true;
        },
        getImageData: () => {
          if (this.dirty) throw new DOMException('The canvas has been tainted', 'SecurityError');
          return { data: new Uint8ClampedArray(4) };
        },
        beginPath() {},
        arc() {},
        clip() {},
      };
    }
  };
}

function cache() {
  const images: PlatformImage[] = [];
  const onReady = vi.fn();
  const avatars = new AvatarCache(
    {
      createImage() {
        const image: PlatformImage = { src: '', width: 96, height: 96, onload: null, onerror: null };
        images.push(image);
        return image;
      },
    },
    onReady,
  );
  return { avatars, images, onReady };
}

afterEach(() => vi.unstubAllGlobals());

describe('avatars without CORS', () => {
  it('asks for a CORS load, and a refused load stays a placeholder', () => {
    const { avatars, images, onReady } = cache();
    expect(avatars.get('https://img.example/a.png')).toBeNull();
    expect(images[0]?.crossOrigin).toBe('anonymous');
    images[0]?.onerror?.();
    expect(avatars.get('https://img.example/a.png')).toBeNull();
    expect(avatars.round('https://img.example/a.png', 48)).toBeNull();
    expect(onReady).not.toHaveBeenCalled();
    expect(images).toHaveLength(1);
  });

  it('a tainted load (crossOrigin ignored) is never handed out for drawing', () => {
    const tainted = new Set<unknown>();
    vi.stubGlobal('OffscreenCanvas', offscreenCanvasWith(tainted));
    const { avatars, images, onReady } = cache();
    avatars.get('https://img.example/tainted.png');
    avatars.get('https://img.example/clean.png');
    const [dirty, clean] = images;
    tainted.add(dirty);
    dirty?.onload?.();
    clean?.onload?.();
    expect(avatars.get('https://img.example/tainted.png')).toBeNull();
    expect(avatars.round('https://img.example/tainted.png', 48)).toBeNull();
    expect(avatars.get('https://img.example/clean.png')).toBe(clean);
    expect(avatars.round('https://img.example/clean.png', 48)).not.toBeNull();
    expect(onReady).toHaveBeenCalledTimes(1);
  });
});
