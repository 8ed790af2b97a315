/** Builders that turn a screen model's texts and buttons (screenModel.ts) into UI nodes. */
import { Button, Color, Graphics, Label, Layers, Node, UITransform } from 'cc';
import type { Box, ButtonSpec, ButtonStyle, TextSpec, Tone } from './screenModel';

const TONES: Record<Tone, Color> = {
  text: new Color(255, 255, 255, 255),
  muted: new Color(160, 164, 180, 255),
  success: new Color(61, 220, 132, 255),
  failure: new Color(255, 107, 107, 255),
  gold: new Color(255, 214, 10, 255),
  accent: new Color(37, 244, 238, 255),
};

const FILLS: Record<ButtonStyle, Color> = {
  primary: new Color(254, 44, 85, 255),
  secondary: new Color(58, 47, 107, 255),
  quiet: new Color(38, 41, 58, 255),
  chip: new Color(38, 41, 58, 255),
  'chip-on': new Color(254, 44, 85, 255),
};

const DISABLED_FILL = new Color(30, 32, 44, 255);

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
