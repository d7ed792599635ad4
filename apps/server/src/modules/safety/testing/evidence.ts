/**
 * Test evidence: a site photo (JPEG) and a signature drawn on a screen (transparent PNG), made with sharp from SVG so
 * the notice shows real pictures; plus an upload helper.
 */
import sharp from 'sharp';
import type { Client } from '../../../../test/harness.js';
import { multipartFile } from '../../../../test/multipart.js';

/** A building under construction with a scaffold, in a colour of its own so photos can be told apart. */
export function sitePhoto(hue: string): Promise<Buffer> {
  const scaffold = Array.from({ length: 9 }, (_, i) => `<line x1="${180 + i * 35}" y1="90" x2="${180 + i * 35}" y2="420" stroke="#555" stroke-width="4"/>`).join('')
    + Array.from({ length: 7 }, (_, i) => `<line x1="170" y1="${110 + i * 50}" x2="470" y2="${110 + i * 50}" stroke="#555" stroke-width="4"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#9cc9e8"/><rect y="420" width="640" height="60" fill="#8a7455"/>
    <rect x="190" y="80" width="270" height="340" fill="${hue}"/>${scaffold}
    <rect x="470" y="150" width="120" height="18" fill="#e0b000"/><line x1="530" y1="20" x2="530" y2="420" stroke="#e0b000" stroke-width="10"/>
    <polygon points="60,420 100,340 140,420" fill="#d22"/><rect x="94" y="370" width="12" height="28" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** A handwritten-looking stroke on a transparent background. */
export function signaturePng(seed = 0): Promise<Buffer> {
  const d = `M 20 ${70 + seed} C 60 10, 90 110, 130 50 S 200 ${20 + seed}, 240 70 S 320 100, 380 40`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><path d="${d}" fill="none" stroke="#1a1a6e" stroke-width="5" stroke-linecap="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function upload(c: Client, data: Buffer, name: string): Promise<string> {
  const res = await c.request({ method: 'POST', url: '/api/v1/files', ...multipartFile(name, data) });
  if (res.statusCode !== 201) throw new Error(`upload ${name}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
