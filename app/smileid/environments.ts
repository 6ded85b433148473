// Where the kiosk sends enrollments. `training` is the in-process simulator: nothing leaves the machine.
export const SMILE_ID_ENVIRONMENTS = {
  sandbox: 'https://testapi.smileidentity.com/v1',
  production: 'https://api.smileidentity.com/v1',
} as const;

export type SmileIdEnvironment = 'training' | 'sandbox' | 'production' | 'custom';
