/** The game's Painter on the screen canvas (CSS px, the view's transform already applied). */
import type { Painter } from '../assets/scripts/games/painter';
import { font } from './theme';

export function canvasPainter(ctx: CanvasRenderingContext2D): Painter {
  return {
    fillRect(x, y, width, height, color) {
      ctx.fillStyle = color;
      ctx.fillRect(x, y, width, height);
    },
    fillCircle(x, y, radius, color) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, Math.PI * 2);
      ctx.fill();
    },
    fillPolygon(points, color) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const point of points) ctx.lineTo(point.x, point.y);
      ctx.closePath();
      ctx.fill();
    },
    strokeLine(from, to, color, width) {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    },
    text(value, x, y, style) {
      ctx.font = font(style.size, style.bold ? 800 : 400);
      ctx.fillStyle = style.color;
      ctx.textAlign = style.align ?? 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(value, x, y);
    },
  };
}
