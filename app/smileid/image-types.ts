// Smile ID image_type_id values (docs/smileid-protocol.md §3.2). File types travel as zip entries named by file_name;
// base64 types travel inside info.json. The kiosk sends only the file types, to keep JPEGs binary.
export const IMAGE_TYPE = {
  selfieFile: 0,
  idFrontFile: 1,
  selfieBase64: 2,
  idFrontBase64: 3,
  livenessFile: 4,
  idBackFile: 5,
  livenessBase64: 6,
  idBackBase64: 7,
} as const;

export type ImageTypeId = (typeof IMAGE_TYPE)[keyof typeof IMAGE_TYPE];

export const FILE_IMAGE_TYPES: readonly number[] = [0, 1, 4, 5];
export const BASE64_IMAGE_TYPES: readonly number[] = [2, 3, 6, 7];
export const SELFIE_IMAGE_TYPES: readonly number[] = [0, 2];
export const LIVENESS_IMAGE_TYPES: readonly number[] = [4, 6];

/** SmartSelfie enrollment. partner_params.job_type is sent as this integer. */
export const JOB_TYPE_SMART_SELFIE_ENROLLMENT = 4;
