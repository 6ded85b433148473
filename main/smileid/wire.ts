// The Smile ID v1 wire format (docs/smileid-protocol.md §3), as zod schemas shared by the client (to validate answers) and
// the simulator (to validate requests as strictly as the real service).
import { z } from 'zod';

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
