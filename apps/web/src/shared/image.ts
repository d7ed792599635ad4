/** Longest side of a photo after resizing on the device. */
export const MAX_PHOTO_SIDE = 1600;

/** Target size for a photo whose longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if ('createImageBitmap' in window) {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      /* fall back to an <img> */
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A camera photo resized on the device to at most 1600 px on its longest side, as JPEG:
 * phones on a poor signal send a few hundred KB instead of several MB.
 */
export async function resizePhoto(file: Blob, max = MAX_PHOTO_SIDE, quality = 0.85): Promise<Blob> {
  const source = await decode(file);
  const w = 'naturalWidth' in source ? source.naturalWidth : source.width;
  const h = 'naturalHeight' in source ? source.naturalHeight : source.height;
  const size = fitWithin(w, h, max);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2d context unavailable');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size.width, size.height);
  g.drawImage(source, 0, 0, size.width, size.height);
  if ('close' in source) source.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode JPEG'))), 'image/jpeg', quality),
  );
}

/** "IMG_001.HEIC" → "IMG_001.jpg" */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '') || 'photo';
  return `${base}.jpg`;
}
