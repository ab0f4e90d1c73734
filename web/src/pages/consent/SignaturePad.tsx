import { type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import { FieldError } from '../../components/FieldError.js';

/**
 * A box to draw a signature with a mouse, finger or pen. Drawing is optional: a typed signature
 * is always offered beside it, so nobody has to use a pointer.
 */
export function SignaturePad({ label, onChange, error }: { label: string; onChange: (png: string | null) => void; error?: string }) {
  const errorId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [hasInk, setHasInk] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#1d2a30';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current as HTMLCanvasElement;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    drawing.current = true;
    canvas.current?.setPointerCapture(e.pointerId);
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!drawing.current || !ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setHasInk(true);
    onChange(canvas.current?.toDataURL('image/png') ?? null);
  };
  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    setHasInk(false);
    onChange(null);
  };

  return (
    <div className="signature-pad">
      <canvas ref={canvas} width={600} height={180} role="img" aria-label={label} aria-describedby={error ? errorId : undefined} data-testid="signature-canvas"
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerLeave={up} />
      <FieldError id={errorId} message={error} />
      <div className="button-row">
        <button type="button" className="btn btn-quiet" onClick={clear} disabled={!hasInk}>Clear the drawing</button>
      </div>
    </div>
  );
}
