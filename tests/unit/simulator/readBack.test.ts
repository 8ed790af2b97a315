import { describe, expect, it } from 'vitest';
import { guardReaders, ReadBackGuard, watchDraws } from '../../../simulator/web/shared/readBack';

/** Stand-ins for the canvas prototypes: the rule only wraps methods, so plain objects show it. */
function fakeCanvasApi() {
  const calls: string[] = [];
  const context2d = {
    drawImage(..._args: unknown[]) {
      calls.push('drawImage');
    },
    getImageData() {
      calls.push('getImageData');
      return 'pixels';
    },
  };
  const gl = {
    texImage2D(..._args: unknown[]) {
      calls.push('texImage2D');
    },
    readPixels() {
      calls.push('readPixels');
    },
  };
  const canvas = {
    toDataURL() {
      return 'data:';
    },
  };
  return { calls, context2d, gl, canvas };
}

function install(shared: object) {
  const api = fakeCanvasApi();
  const guard = new ReadBackGuard();
  const isShared = (value: unknown) => value === shared;
  watchDraws(api.context2d, ['drawImage'], isShared, guard);
  watchDraws(api.gl, ['texImage2D'], isShared, guard);
  guardReaders(api.context2d, ['getImageData'], guard, 'CanvasRenderingContext2D');
  guardReaders(api.gl, ['readPixels'], guard, 'WebGLRenderingContext');
  guardReaders(api.canvas, ['toDataURL'], guard, 'HTMLCanvasElement');
  return { ...api, guard };
}

describe('the read-after-draw rule of the native open data context', () => {
  it('lets the game read its own pixels while it has not drawn the shared canvas', () => {
    const shared = {};
    const { context2d, gl, canvas, guard } = install(shared);
    context2d.drawImage({ other: true }, 0, 0);
    gl.texImage2D(0, 0, 0, 0, 0, { other: true });
    expect(context2d.getImageData()).toBe('pixels');
    expect(canvas.toDataURL()).toBe('data:');
    expect(guard.drawn).toBe(false);
  });

  it('refuses every pixel read with a SecurityError once the shared canvas was drawn with drawImage', () => {
    const shared = {};
    const { context2d, gl, canvas, calls } = install(shared);
    context2d.drawImage(shared, 0, 0);
    for (const read of [() => context2d.getImageData(), () => gl.readPixels(), () => canvas.toDataURL()]) {
      let caught: unknown;
      try {
        read();
      } catch (error) {
        caught = error;
      }
      expect((caught as Error).name).toBe('SecurityError');
      expect((caught as Error).message).toMatch(/cannot read pixels once it has drawn the open data context/);
    }
    // The drawing itself went through; the reads never reached the real methods.
    expect(calls).toEqual(['drawImage']);
  });

  it('counts a texture upload of the shared canvas as drawing it', () => {
    const shared = {};
    const { context2d, gl } = install(shared);
    gl.texImage2D(0x0de1, 0, 0x1908, 0x1908, 0x1401, shared);
    expect(() => context2d.getImageData()).toThrow(
      'CanvasRenderingContext2D.getImageData: the game cannot read pixels',
    );
  });
});
