/** Small builders for the screens GameBootstrap makes from code: a UI node, a label, a button. */
import { Button, Color, Graphics, Label, Layers, Node, UITransform } from 'cc';

export function uiNode(name: string, parent: Node, width: number, height: number, x = 0, y = 0): Node {
  const node = new Node(name);
  node.layer = Layers.Enum.UI_2D;
  node.addComponent(UITransform).setContentSize(width, height);
  node.setPosition(x, y);
  parent.addChild(node);
  return node;
}

export function label(parent: Node, text: string, fontSize: number, y: number, color = Color.WHITE): Label {
  const node = uiNode(`Label ${text}`, parent, 640, fontSize * 1.5, 0, y);
  const component = node.addComponent(Label);
  component.string = text;
  component.fontSize = fontSize;
  component.lineHeight = fontSize * 1.25;
  component.color = color;
  component.horizontalAlign = Label.HorizontalAlign.CENTER;
  return component;
}

export function button(parent: Node, text: string, y: number, onClick: () => void, width = 360): Node {
  const node = uiNode(`Button ${text}`, parent, width, 88, 0, y);
  const background = node.addComponent(Graphics);
  background.fillColor = new Color(254, 44, 85, 255);
  background.roundRect(-width / 2, -44, width, 88, 44);
  background.fill();
  node.addComponent(Button).transition = Button.Transition.SCALE;
  label(node, text, 36, 0);
  node.on(Button.EventType.CLICK, onClick);
  return node;
}
