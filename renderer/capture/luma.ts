// Brightness of a frame, for the "too dark" guidance. Pure: works on RGBA bytes from any canvas.

/** Rec.601 luma weights, the ones JPEG's YCbCr (and so the images Smile ID receives) use. */
export const REC601 = { r: 0.299, g: 0.587, b: 0.114 } as const;

/** Mean luma (0–255) of RGBA pixels, as ImageData.data holds them. Alpha is ignored; no pixels gives 0. */
export function meanLumaOfRgba(rgba: ArrayLike<number>): number {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return 0;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let offset = 0; offset < pixels * 4; offset += 4) {
    r += rgba[offset] ?? 0;
    g += rgba[offset + 1] ?? 0;
    b += rgba[offset + 2] ?? 0;
  }
  return (REC601.r * r + REC601.g * g + REC601.b * b) / pixels;
}
