/** The media type from a file's first bytes, never from its name or the client's claim. */
export type Sniffed = { mediaType: string; isImage: boolean };

const starts = (b: Buffer, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export function sniffMediaType(head: Buffer, filename: string): Sniffed | null {
  if (starts(head, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', isImage: true };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', isImage: true };
  if (starts(head, [0x47, 0x49, 0x46, 0x38])) return { mediaType: 'image/gif', isImage: true };
  if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return { mediaType: 'image/webp', isImage: true };
  if (head.subarray(4, 12).toString('latin1').match(/^ftyp(heic|heix|mif1|msf1)/)) return { mediaType: 'image/heic', isImage: true };
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: 'application/pdf', isImage: false };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = filename.toLowerCase().split('.').pop();
    if (ext === 'docx') return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', isImage: false };
    if (ext === 'xlsx') return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', isImage: false };
    return null;
  }
  return null;
}
