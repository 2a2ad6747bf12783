import qrcode from 'qrcode-generator';

const QUIET_ZONE = 4; // modules of white around the code, as the QR standard asks

/**
 * A QR code of `text` as an SVG image in a data: URL (the portal's CSP allows data: images): one square
 * per dark module on a white background, so that any phone camera reads it.
 */
export function qrCodeDataUrl(text: string): string {
  const code = qrcode(0, 'M'); // 0: the smallest version that holds the text; M: 15 % error correction
  code.addData(text, 'Byte');
  code.make();
  const modules = code.getModuleCount();
  const side = modules + 2 * QUIET_ZONE;
  const squares: string[] = [];
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (code.isDark(row, column)) squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${squares.join('')}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
