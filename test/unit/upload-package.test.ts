import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUploadZip } from '../../main/smileid/upload-package';
import { infoJsonSchema } from '../../main/smileid/wire';
import { makeCapture, type CaptureJpegs } from '../support/fixture-images';

let capture: CaptureJpegs;
beforeAll(() => {
  capture = makeCapture();
});

async function build() {
  return buildUploadZip({
    images: capture,
    partnerId: '085',
    partnerParams: { user_id: 'U1', job_id: 'J1', job_type: 4, kiosk_id: 'K1', branch: 'Nairobi' },
    signed: { timestamp: '2026-01-01T00:00:00.000Z', signature: 'sig' },
  });
}

describe('upload zip', () => {
  it('holds info.json and the JPEGs as binary entries of types 0 and 4', async () => {
    const zip = await JSZip.loadAsync(await build());
    const info = infoJsonSchema.parse(JSON.parse(await zip.file('info.json')!.async('string')));
    expect(info.images.map((image) => image.image_type_id)).toEqual([0, 4, 4, 4, 4, 4, 4, 4, 4]);
    for (const image of info.images) {
      expect(image.image).toBeUndefined();
      const bytes = await zip.file(image.file_name!)!.async('uint8array');
      expect(bytes.length).toBeGreaterThan(1000);
    }
    expect(await zip.file('selfie.jpg')!.async('uint8array')).toEqual(capture.selfie);
    expect(await zip.file('liveness8.jpg')!.async('uint8array')).toEqual(capture.liveness[7]);
  });

  it('sends partner_params with job_type as an integer and extras as strings', async () => {
    const zip = await JSZip.loadAsync(await build());
    const info = JSON.parse(await zip.file('info.json')!.async('string'));
    expect(info.misc_information.partner_params).toEqual({
      user_id: 'U1',
      job_id: 'J1',
      job_type: 4,
      kiosk_id: 'K1',
      branch: 'Nairobi',
    });
  });

  it('stores JPEGs without deflate, so the zip is barely larger than the raw JPEGs', async () => {
    const bytes = await build();
    const raw = capture.selfie.length + capture.liveness.reduce((sum, image) => sum + image.length, 0);
    // Local header + central directory per entry and a compact info.json: well under 2 % for a real capture.
    expect(bytes.length / raw).toBeLessThan(1.02);
    expect(bytes.length).toBeGreaterThan(raw);
    // STORE method (0) in every JPEG's local header: the JPEG bytes appear verbatim in the zip.
    expect(Buffer.from(bytes).indexOf(Buffer.from(capture.selfie))).toBeGreaterThan(0);
  });
});
