// The Smile ID v1 wire format (docs/smileid-protocol.md §3), as zod schemas shared by the client (to validate answers) and
// the simulator (to validate requests as strictly as the real service).
import { z } from 'zod';
import { GEO_ACCURACY_CLASSES } from '../../app/kiosk-location';

/** Smile ID sends codes as JSON numbers or strings; we always handle them as 4-digit strings. */
export const smileCode = z.union([z.string(), z.number()]).transform((code) => String(code).padStart(4, '0'));

/** partner_params: user_id and job_id strings, job_type an integer, every other value a string. */
export const partnerParamsSchema = z
  .object({
    user_id: z.string().min(1),
    job_id: z.string().min(1),
    job_type: z.number().int(),
  })
  .catchall(z.string());
// TypeScript cannot express "an integer job_type beside string extras" through zod's catchall, so the type
// is written out; the schema above is what enforces it.
export type PartnerParams = { user_id: string; job_id: string; job_type: number } & Record<
  string,
  string | number
>;

/** The name of the geolocation entry in prep_upload's metadata (Smile ID's SDKs: MetadataKey.Geolocation). */
export const GEOLOCATION_METADATA_NAME = 'geolocation';
/** The sources Smile ID's geolocation entry names; a position typed into the kiosk's settings is 'unknown'. */
export const GEO_SOURCES = ['gps', 'network', 'fused', 'unknown'] as const;

/** The value of the geolocation entry, with the vocabulary of Smile ID's Android SDK (§10). */
export const geolocationValueSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.enum(GEO_ACCURACY_CLASSES),
  source: z.enum(GEO_SOURCES),
});
export type GeolocationValue = z.infer<typeof geolocationValueSchema>;

/**
 * One metadata entry, `{ name, value, timestamp }` as Smile ID's SDKs send it. Any name is accepted (the SDKs
 * send dozens); the geolocation entry's value must have the shape above, checked at the value's own fields so a
 * missing one answers 2213 and a wrong one 2204, like any other field.
 */
export const metadatumSchema = z
  .object({
    name: z.string().min(1),
    value: z.unknown().refine((value) => value !== undefined && value !== null, 'a value is required'),
    timestamp: z.iso.datetime({ offset: true }),
  })
  .superRefine((entry, context) => {
    if (entry.name !== GEOLOCATION_METADATA_NAME) return;
    const parsed = geolocationValueSchema.safeParse(entry.value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      context.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
    }
  });
export type Metadatum = z.infer<typeof metadatumSchema>;

export const prepUploadRequestSchema = z.object({
  source_sdk: z.string(),
  source_sdk_version: z.string(),
  file_name: z.string().min(1),
  smile_client_id: z.string().min(1),
  partner_params: partnerParamsSchema,
  model_parameters: z.record(z.string(), z.unknown()),
  callback_url: z.string().optional(),
  signature: z.string().min(1),
  timestamp: z.string().min(1),
  use_enrolled_image: z.boolean().optional(),
  allow_new_enroll: z.boolean().optional(),
  retry: z.boolean().optional(),
  entered: z.string().optional(),
  metadata: z.array(metadatumSchema).optional(),
});
export type PrepUploadRequest = Omit<z.infer<typeof prepUploadRequestSchema>, 'partner_params'> & {
  partner_params: PartnerParams;
};

export const prepUploadResponseSchema = z.object({
  upload_url: z.string().url(),
  ref_id: z.string().optional(),
  smile_job_id: z.union([z.string(), z.number()]).transform(String),
  camera_config: z.unknown().optional(),
  code: smileCode,
});
export type PrepUploadResponse = z.infer<typeof prepUploadResponseSchema>;

export const errorBodySchema = z.object({ code: smileCode, error: z.string().optional() });

export const jobStatusRequestSchema = z.object({
  partner_id: z.string().min(1),
  user_id: z.string().min(1),
  job_id: z.string().min(1),
  signature: z.string().min(1),
  timestamp: z.string().min(1),
  image_links: z.boolean().optional(),
  history: z.boolean().optional(),
});
export type JobStatusRequest = z.infer<typeof jobStatusRequestSchema>;

const stringish = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const jobResultSchema = z.looseObject({
  ResultCode: smileCode,
  ResultText: z.string(),
  ResultType: z.string().optional(),
  SmileJobID: stringish.optional(),
  PartnerParams: z.record(z.string(), stringish).optional(),
  ConfidenceValue: stringish.optional(),
  IsFinalResult: stringish.optional(),
  IsMachineResult: stringish.optional(),
  Actions: z.record(z.string(), z.string()).optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobStatusResponseSchema = z.looseObject({
  timestamp: z.string().min(1),
  signature: z.string().min(1),
  job_complete: z.boolean(),
  job_success: z.boolean(),
  code: smileCode.optional(),
  // Before the zip is processed the result is free text ("No zip uploaded") or absent.
  result: z.union([jobResultSchema, z.string(), z.null()]).optional(),
  history: z.unknown().optional(),
  image_links: z.unknown().optional(),
});
export type JobStatusResponse = z.infer<typeof jobStatusResponseSchema>;

/** One image entry of info.json: file types name a zip entry, base64 types carry the bytes inline. */
export const infoJsonImageSchema = z.object({
  image_type_id: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  file_name: z.string().optional(),
  image: z.string().optional(),
});

export const infoJsonSchema = z.looseObject({
  images: z.array(infoJsonImageSchema).min(1),
  package_information: z.unknown().optional(),
  misc_information: z.unknown().optional(),
  id_info: z.unknown().optional(),
  server_information: z.unknown().optional(),
});
export type InfoJson = z.infer<typeof infoJsonSchema>;
