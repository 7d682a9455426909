// Draws images/icon.png (128×128): a white shield with a check mark on a deep-teal rounded square.
// Shapes are sampled 4×4 per pixel for smooth edges; the PNG is written by hand (zlib + CRC-32), no dependencies.
// Run: npm run icon
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel along each axis

// --- shapes ---------------------------------------------------------------------------------------------
const roundedRect = (x, y, r) => {
  const m = 4, w = SIZE - 2 * m; // a 4 px margin, like the built-in extension icons
  const dx = Math.max(m + r - x, 0, x - (m + w - r));
  const dy = Math.max(m + r - y, 0, y - (m + w - r));
  return dx * dx + dy * dy <= r * r;
};

// The shield outline as a polygon: straight top with a shallow peak, sides, then curves to the point.
const shield = (() => {
  const pts = [[30, 30], [64, 19], [98, 30], [98, 60]];
  const q = (p0, p1, p2, n) => Array.from({ length: n }, (_, i) => {
    const t = (i + 1) / n;
    return [(1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0], (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]];
  });
  pts.push(...q([98, 60], [96, 92], [64, 111], 24));
  pts.push(...q([64, 111], [32, 92], [30, 60], 24));
  return pts;
})();
const inPolygon = (x, y, poly) => {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const segDist = (x, y, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
const check = [[47, 64], [59, 77], [82, 49]];
const onCheck = (x, y) => Math.min(segDist(x, y, check[0], check[1]), segDist(x, y, check[1], check[2])) <= 5.5;

// --- colours ------------------------------------------------------------------------------------------------
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const TOP = [18, 52, 77], BOTTOM = [13, 110, 110]; // deep blue → teal
const SHIELD_TOP = [255, 255, 255], SHIELD_BOTTOM = [214, 240, 236];
const CHECK = [13, 110, 110];

function sample(x, y) {
  if (!roundedRect(x, y, 22)) return [0, 0, 0, 0];
  if (inPolygon(x, y, shield)) {
    if (onCheck(x, y)) return [...CHECK, 255];
    return [...mix(SHIELD_TOP, SHIELD_BOTTOM, (y - 19) / 92), 255];
  }
  return [...mix(TOP, BOTTOM, (x + y) / (2 * SIZE)), 255];
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
      acc[0] += c[0] * c[3]; acc[1] += c[1] * c[3]; acc[2] += c[2] * c[3]; acc[3] += c[3];
    }
    const o = (py * SIZE + px) * 4;
    const a = acc[3] / (SS * SS);
    for (let i = 0; i < 3; i++) rgba[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0; // un-premultiplied
    rgba[o + 3] = Math.round(a);
  }
}

// --- PNG ----------------------------------------------------------------------------------------------------
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
fs.writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
