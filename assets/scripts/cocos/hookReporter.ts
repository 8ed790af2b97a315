import { type Node, screen, UITransform, view } from 'cc';
import type { Sample } from '../shell/index';
import type { Rect } from '../social/protocol';
import type { ButtonSpec } from './screenModel';
import { toViewportRect } from './surfaceLayout';
import type { ToastView } from './toastView';

/** Reports each frame to the test hook where the buttons and the toast are, in game viewport CSS px. */
export class HookReporter {
  constructor(private readonly sample: Sample) {}

  report(buttons: readonly ButtonSpec[], layer: Node | null, toast: ToastView | null): void {
    const rects: Record<string, Rect> = {};
    for (const spec of buttons) {
      const node = spec.enabled ? layer?.getChildByName(`Button ${spec.id}`) : null;
      const rect = node ? viewportRect(node) : null;
      if (rect) rects[spec.id] = rect;
    }
    const label = toast?.current() ?? null;
    const toastRect = label ? viewportRect(label.node) : null;
    this.sample.report({
      buttons: rects,
      toast: label && toastRect ? { text: label.string, rect: toastRect } : null,
    });
  }
}

function viewportRect(node: Node): Rect | null {
  const transform = node.isValid ? node.getComponent(UITransform) : null;
  return transform ? toViewportRect(view, screen, transform.getBoundingBoxToWorld()) : null;
}
