/** Builders that turn a screen model's texts and buttons (screenModel.ts) into UI nodes. */
import { Button, Color, Graphics, Label, Layers, Node, UITransform } from 'cc';
import { palette } from '../social/palette';
import type { Box, ButtonSpec, ButtonStyle, TextSpec, Tone } from './screenModel';

/** A colour of the shared palette (social/palette.ts) as the engine wants it. */
export const paletteColor = (hex: string): Color => new Color().fromHEX(hex);

const TONES: Record<Tone, Color> = {
  text: paletteColor(palette.text),
  muted: paletteColor(palette.muted),
  success: paletteColor(palette.success),
  failure: paletteColor(palette.failure),
  gold: paletteColor(palette.gold),
  accent: paletteColor(palette.cyan),
};

const FILLS: Record<ButtonStyle, Color> = {
  primary: paletteColor(palette.accent),
  secondary: paletteColor(palette.highlight),
  quiet: paletteColor(palette.quiet),
  chip: paletteColor(palette.quiet),
  'chip-on': paletteColor(palette.accent),
  icon: paletteColor(palette.quiet),
};

const DISABLED_FILL = paletteColor(palette.panel);

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
  background.fillColor = spec.enabled ? FILLS[spec.style] : DISABLED_FILL;
  background.roundRect(-width / 2, -height / 2, width, height, Math.min(height / 2, 28));
  background.fill();
  const button = node.addComponent(Button);
  button.transition = Button.Transition.SCALE;
  button.interactable = spec.enabled;
  const fontSize = Math.min(34, Math.round(height * 0.4));
  textNode(node, {
    text: spec.label,
    size: fontSize,
    box: { x: 0, y: 0, width: width - 24, height },
    align: 'center',
    tone: spec.enabled ? 'text' : 'muted',
    bold: spec.style === 'primary',
  });
  if (spec.enabled) node.on(Button.EventType.CLICK, onClick);
  return node;
}
