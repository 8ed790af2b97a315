/** Builders that turn a screen model's texts and buttons (screenModel.ts) into UI nodes. */
import { Button, Color, Graphics, Label, Layers, Node, UITransform } from 'cc';
import { palette } from '../social/palette';
import type { Box, ButtonSpec, ButtonStyle, TextSpec, Tone } from './screenModel';
import {
  BUTTON_CORNER,
  BUTTON_FILLS,
  BUTTON_LABEL_SIZE,
  DISABLED_FILL,
  OUTLINED_STYLES,
  TONE_COLORS,
} from './theme';

/** A colour of the shared palette (social/palette.ts) as the engine wants it. */
export const paletteColor = (hex: string): Color => new Color().fromHEX(hex);

const TONES = Object.fromEntries(
  Object.entries(TONE_COLORS).map(([tone, hex]) => [tone, paletteColor(hex)]),
) as Record<Tone, Color>;
const FILLS = Object.fromEntries(
  Object.entries(BUTTON_FILLS).map(([style, hex]) => [style, paletteColor(hex)]),
) as Record<ButtonStyle, Color>;
const DISABLED = paletteColor(DISABLED_FILL);
const EDGE = paletteColor(palette.panelEdge);

const ALIGN = {
  left: Label.HorizontalAlign.LEFT,
  center: Label.HorizontalAlign.CENTER,
  right: Label.HorizontalAlign.RIGHT,
} as const;

export function uiNode(name: string, parent: Node, box: Box): Node {
  const node = new Node(name);
  node.layer = Layers.Enum.UI_2D;
  node.addComponent(UITransform).setContentSize(box.width, box.height);
  node.setPosition(box.x, box.y);
  parent.addChild(node);
  return node;
}

/** A text in its box: wrapped, and shrunk rather than cut when it does not fit (long names, long copy). */
export function textNode(parent: Node, spec: TextSpec): Label {
  const node = uiNode(`Text ${spec.text.slice(0, 24)}`, parent, spec.box);
  const label = node.addComponent(Label);
  label.string = spec.text;
  label.fontSize = spec.size;
  label.lineHeight = Math.round(spec.size * 1.25);
  label.color = TONES[spec.tone];
  label.isBold = spec.bold;
  label.horizontalAlign = ALIGN[spec.align];
  label.verticalAlign = Label.VerticalAlign.CENTER;
  label.enableWrapText = true;
  label.overflow = Label.Overflow.SHRINK;
  return label;
}

export function buttonNode(parent: Node, spec: ButtonSpec, onClick: () => void): Node {
  const { width, height } = spec.box;
  const node = uiNode(`Button ${spec.id}`, parent, spec.box);
  const background = node.addComponent(Graphics);
  const radius = spec.style === 'icon' ? height / 2 : Math.min(height / 2, BUTTON_CORNER);
  background.fillColor = spec.enabled ? FILLS[spec.style] : DISABLED;
  background.roundRect(-width / 2, -height / 2, width, height, radius);
  background.fill();
  if (OUTLINED_STYLES.includes(spec.style)) {
    background.strokeColor = EDGE;
    background.lineWidth = 2;
    background.stroke();
  }
  const button = node.addComponent(Button);
  button.transition = Button.Transition.SCALE;
  button.interactable = spec.enabled;
  textNode(node, {
    text: spec.label,
    size: Math.min(BUTTON_LABEL_SIZE[spec.style], Math.round(height * 0.45)),
    box: { x: 0, y: 0, width: width - 24, height },
    align: 'center',
    tone: spec.enabled ? 'text' : 'muted',
    bold: true,
  });
  if (spec.enabled) node.on(Button.EventType.CLICK, onClick);
  return node;
}
