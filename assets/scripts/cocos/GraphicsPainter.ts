import { Color, Graphics, Label, type Node, UITransform } from 'cc';
import type { AreaSize } from '../games/contract';
import type { Painter, Point, TextStyle } from '../games/painter';
import { uiNode } from './uiKit';

const ALIGN = {
  left: Label.HorizontalAlign.LEFT,
  center: Label.HorizontalAlign.CENTER,
  right: Label.HorizontalAlign.RIGHT,
} as const;
const ANCHOR_X = { left: 0, center: 0.5, right: 1 } as const;

/**
 * The game's Painter (games/painter.ts) on a node: shapes with one Graphics, text with a pool of Labels
 * kept from frame to frame (made once, shown or hidden, never rebuilt). The painted area is the node's
 * size divided by `scale`, origin at its top-left, y down, as the game draws it in the Canvas 2D edition.
 */
export class GraphicsPainter implements Painter {
  private readonly graphics: Graphics;
  private readonly labels: Label[] = [];
  private labelsUsed = 0;
  private readonly colors = new Map<string, Color>();
  private readonly width: number;
  private readonly height: number;

  constructor(
    private readonly node: Node,
    private readonly scale: number,
  ) {
    const size = node.getComponent(UITransform)?.contentSize ?? { width: 0, height: 0 };
    this.width = size.width;
    this.height = size.height;
    this.graphics = node.getComponent(Graphics) ?? node.addComponent(Graphics);
  }

  /** The area the game draws in, in its units. */
  area(): AreaSize {
    return { width: this.width / this.scale, height: this.height / this.scale };
  }

  /** Clears the last frame; call before the game draws. */
  begin(): void {
    this.graphics.clear();
    this.labelsUsed = 0;
  }

  /** Hides the labels this frame did not use. */
  end(): void {
    for (let index = this.labelsUsed; index < this.labels.length; index += 1) {
      const label = this.labels[index];
      if (label) label.node.active = false;
    }
  }

  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    const { graphics } = this;
    const corner = this.toLocal(x, y + height);
    graphics.fillColor = this.color(color);
    graphics.rect(corner.x, corner.y, width * this.scale, height * this.scale);
    graphics.fill();
  }

  fillCircle(x: number, y: number, radius: number, color: string): void {
    const centre = this.toLocal(x, y);
    this.graphics.fillColor = this.color(color);
    this.graphics.circle(centre.x, centre.y, radius * this.scale);
    this.graphics.fill();
  }

  fillPolygon(points: readonly Point[], color: string): void {
    const [first, ...rest] = points;
    if (!first) return;
    const { graphics } = this;
    const start = this.toLocal(first.x, first.y);
    graphics.fillColor = this.color(color);
    graphics.moveTo(start.x, start.y);
    for (const point of rest) {
      const local = this.toLocal(point.x, point.y);
      graphics.lineTo(local.x, local.y);
    }
    graphics.close();
    graphics.fill();
  }

  strokeLine(from: Point, to: Point, color: string, width: number): void {
    const { graphics } = this;
    const start = this.toLocal(from.x, from.y);
    const end = this.toLocal(to.x, to.y);
    graphics.strokeColor = this.color(color);
    graphics.lineWidth = width * this.scale;
    graphics.moveTo(start.x, start.y);
    graphics.lineTo(end.x, end.y);
    graphics.stroke();
  }

  text(value: string, x: number, y: number, style: TextStyle): void {
    const label = this.nextLabel();
    const align = style.align ?? 'left';
    const size = style.size * this.scale;
    label.node.active = true;
    label.string = value;
    label.fontSize = size;
    label.lineHeight = Math.round(size * 1.2);
    label.isBold = style.bold === true;
    label.color = this.color(style.color);
    label.horizontalAlign = ALIGN[align];
    label.node.getComponent(UITransform)?.setAnchorPoint(ANCHOR_X[align], 0.5);
    const at = this.toLocal(x, y);
    label.node.setPosition(at.x, at.y);
  }

  private nextLabel(): Label {
    const existing = this.labels[this.labelsUsed];
    this.labelsUsed += 1;
    if (existing) return existing;
    const node = uiNode(`Painted text ${this.labels.length}`, this.node, { x: 0, y: 0, width: 1, height: 1 });
    const label = node.addComponent(Label);
    label.overflow = Label.Overflow.NONE;
    label.verticalAlign = Label.VerticalAlign.CENTER;
    this.labels.push(label);
    return label;
  }

  private toLocal(x: number, y: number): { x: number; y: number } {
    return { x: x * this.scale - this.width / 2, y: this.height / 2 - y * this.scale };
  }

  private color(hex: string): Color {
    let color = this.colors.get(hex);
    if (!color) {
      color = new Color().fromHEX(hex);
      this.colors.set(hex, color);
    }
    return color;
  }
}
