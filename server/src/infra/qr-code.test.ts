import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrCodeDataUrl } from './qr-code.js';

/** Draws the SVG's squares into an RGBA bitmap, `scale` pixels per module, and lets jsQR read it. */
function readQrCode(dataUrl: string, scale = 4): string | null {
  const svg = Buffer.from(dataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8');
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

describe('qrCodeDataUrl', () => {
  it('gives an SVG data URL that a QR reader decodes back to the authenticator address', () => {
    const address = 'otpauth://totp/Utility%20Portal%20Demo:j%C4%81nis%40demo.example?secret=O4IGMUBUPBSUM7QQ&period=30&digits=6&algorithm=SHA1&issuer=Utility%20Portal%20Demo';
    const url = qrCodeDataUrl(address);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(readQrCode(url)).toBe(address);
  });

  it('keeps a white quiet zone of four modules on every side', () => {
    const svg = Buffer.from(qrCodeDataUrl('otpauth://totp/x?secret=ABC').split(',')[1], 'base64').toString('utf8');
    const side = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
    const squares = [...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...squares.flat())).toBe(4);
    expect(Math.max(...squares.flat())).toBe(side - 5);
  });
});
