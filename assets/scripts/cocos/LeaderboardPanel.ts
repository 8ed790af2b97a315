import { _decorator, Component, type EventTouch, Node, SubContextView, screen, UITransform, view } from 'cc';
import type { ContextSurface } from '../shell/index';
import type { PointerPhase } from '../social/protocol';
import {
  createLeaderboardPanelLogic,
  type LeaderboardPanelLogic,
  type PanelAudience,
  type PanelPlacement,
} from './leaderboardPanelLogic';
import type { Box } from './screenModel';
import { createUploadGate } from './uploadGate';

const { ccclass, requireComponent } = _decorator;

/**
 * An open data context view (the friend board, the results notice, the menu's best line): a node with SubContextView, which copies the open data context's shared canvas onto
 * it, and this component, which tells the context where the board is (`show`), when it goes (`hide`) and
 * which touches land on it. Activating the node starts SubContextView; deactivating stops its copying.
 * SubContextView would upload the shared canvas to its texture every frame; this component uploads it
 * only while the context may be drawing something new (uploadGate.ts).
 */
@ccclass('LeaderboardPanel')
@requireComponent(SubContextView)
export class LeaderboardPanel extends Component {
  private logic: LeaderboardPanelLogic | null = null;
  private readonly gate = createUploadGate(() => Date.now());

  /** Called once by GameBootstrap with the shared context surface of the game services. */
  attach(surface: ContextSurface): void {
    this.logic = createLeaderboardPanelLogic({ surface, view, screen, now: () => Date.now() });
    const subContext = this.getComponent(SubContextView);
    // fps 0: SubContextView's own timer never fires; `update()` below uploads when the gate says so.
    if (subContext) subContext.fps = 0;
  }

  /** The context may draw something new soon (a message reached it, the game came back, ...). */
  wake(): void {
    this.gate.wake();
  }

  override update(): void {
    // Called without a frame time, SubContextView uploads the shared canvas once, now.
    if (this.gate.due()) this.getComponent(SubContextView)?.update();
  }

  /** Shows `audience.view` in this node, first moved and sized to `box` (design units, centre) if given. */
  open(audience: PanelAudience, box?: Box): void {
    if (box) {
      this.node.setPosition(box.x, box.y);
      this.getComponent(UITransform)?.setContentSize(box.width, box.height);
    }
    this.node.active = true;
    this.logic?.open(audience, this.placement());
  }

  /** Re-sends `show` if what it carries changed (your open id and the authorization arrive late). */
  refresh(audience: PanelAudience): void {
    if (this.logic?.isOpen()) this.logic.open(audience, this.placement());
  }

  isOpen(): boolean {
    return this.logic?.isOpen() ?? false;
  }

  close(): void {
    this.logic?.close();
    this.gate.sleep();
    this.node.active = false;
  }

  override onEnable(): void {
    this.node.on(Node.EventType.TOUCH_START, this.onTouchStart, this);
    this.node.on(Node.EventType.TOUCH_MOVE, this.onTouchMove, this);
    this.node.on(Node.EventType.TOUCH_END, this.onTouchEnd, this);
    this.node.on(Node.EventType.TOUCH_CANCEL, this.onTouchCancel, this);
    this.node.on(Node.EventType.TRANSFORM_CHANGED, this.relayout, this);
    this.node.on(Node.EventType.SIZE_CHANGED, this.relayout, this);
    view.on('canvas-resize', this.relayout, this);
  }

  override onDisable(): void {
    this.node.targetOff(this);
    view.off('canvas-resize', this.relayout, this);
  }

  private relayout(): void {
    this.logic?.relayout(this.placement());
  }

  private placement(): PanelPlacement {
    const subContext = this.getComponent(SubContextView);
    const transform = this.getComponent(UITransform);
    const nodeBox = transform ? transform.getBoundingBoxToWorld() : { x: 0, y: 0, width: 1, height: 1 };
    return { nodeBox, designResolution: subContext ? subContext.designResolutionSize : nodeBox };
  }

  private forward(phase: PointerPhase, event: EventTouch): void {
    if (this.logic?.touch(phase, event.getUILocation())) event.propagationStopped = true;
  }

  private onTouchStart(event: EventTouch): void {
    this.forward('down', event);
  }

  private onTouchMove(event: EventTouch): void {
    this.forward('move', event);
  }

  private onTouchEnd(event: EventTouch): void {
    this.forward('up', event);
  }

  private onTouchCancel(event: EventTouch): void {
    this.forward('cancel', event);
  }
}
