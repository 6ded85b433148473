// Opens an uploaded selfie.zip the way Smile ID's processing would (docs/smileid-protocol.md §3.2) and says whether the
// job can even be judged. A broken package becomes a final rejection (0903 "zip corrupt"); unusable images
// become 0001. Only the package is checked here: the face judgement itself is the configured outcome.
import JSZip from 'jszip';
import { z } from 'zod';
import { BASE64_IMAGE_TYPES, FILE_IMAGE_TYPES, SELFIE_IMAGE_TYPES } from '../../../app/smileid/image-types';
import { infoJsonSchema } from '../wire';

export const ZIP_CORRUPT = '0903';
export const IMAGE_UNUSABLE = '0001';

export interface InspectedImage {
  readonly imageTypeId: number;
  /** Decoded bytes: the zip entry's size, or the base64 payload's decoded size. */
  readonly bytes: number;
}

export interface ZipVerdict {
  /** null when the package is fine and the configured outcome decides the job. */
  readonly failureCode: typeof ZIP_CORRUPT | typeof IMAGE_UNUSABLE | null;
  /** Why it failed, for the jobs view and for debugging a client. */
  readonly reason: string | null;
  readonly images: readonly InspectedImage[];
}

type InfoImage = z.infer<typeof infoJsonSchema>['images'][number];

/** JPEG files start with the SOI marker FF D8 followed by another marker's FF. */
export function isJpeg(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export async function inspectZip(zip: Buffer): Promise<ZipVerdict> {
  let archive: JSZip;
  try {
    archive = await JSZip.loadAsync(zip);
  } catch {
    return corrupt('not a readable zip', []);
  }
  const infoEntry = archive.file('info.json');
  if (!infoEntry) return corrupt('no info.json at the root of the zip', []);

  let info: unknown;
  try {
    info = JSON.parse(await infoEntry.async('string'));
  } catch {
    return corrupt('info.json is not JSON', []);
  }
  const parsed = infoJsonSchema.safeParse(info);
  if (!parsed.success) return corrupt(`info.json is invalid: ${z.prettifyError(parsed.error)}`, []);

  // Look at every image before judging, so the jobs view lists all that were readable.
  const images: InspectedImage[] = [];
  let missing: string | null = null;
  let notJpeg: string | null = null;
  for (const entry of parsed.data.images) {
    const bytes = await imageBytes(archive, entry);
    if (typeof bytes === 'string') {
      missing ??= bytes;
      continue;
    }
    images.push({ imageTypeId: entry.image_type_id, bytes: bytes.length });
    if (!isJpeg(bytes)) notJpeg ??= `image of type ${entry.image_type_id} is not a JPEG`;
  }
  if (missing !== null) return corrupt(missing, images);
  if (notJpeg !== null) return { failureCode: IMAGE_UNUSABLE, reason: notJpeg, images };
  if (!images.some((image) => SELFIE_IMAGE_TYPES.includes(image.imageTypeId))) {
    return { failureCode: IMAGE_UNUSABLE, reason: 'no selfie (image type 0 or 2)', images };
  }
  return { failureCode: null, reason: null, images };
}

/** The bytes an info.json entry points at, or a sentence saying why there are none. */
async function imageBytes(archive: JSZip, entry: InfoImage): Promise<Buffer | string> {
  const type = entry.image_type_id;
  if (FILE_IMAGE_TYPES.includes(type)) {
    if (!entry.file_name) return `image of type ${type} has no file_name`;
    const file = archive.file(entry.file_name);
    if (!file) return `image "${entry.file_name}" named in info.json is not in the zip`;
    return file.async('nodebuffer');
  }
  if (BASE64_IMAGE_TYPES.includes(type)) {
    if (!entry.image) return `image of type ${type} has no base64 "image"`;
    return Buffer.from(entry.image, 'base64');
  }
  return `image_type_id ${type} is not a SmartSelfie image type`;
}

function corrupt(reason: string, images: readonly InspectedImage[]): ZipVerdict {
  return { failureCode: ZIP_CORRUPT, reason, images };
}
