// Drives the official Node SDK (smile-identity-core) against a plain-HTTP simulator. Its job_status helper
// re-maps the base URL to https:// (mapServerUri) and retries a failing job_status forever, so requests to the
// simulator's https:// origin are sent back to http:// through the SDK's own (CommonJS) axios instance.
import { createRequire } from 'node:module';
import type { AxiosStatic } from 'axios';

const requireHere = createRequire(import.meta.url);

/** Returns the function that removes the redirect again. */
export function redirectOfficialSdkTo(simulatorUrl: string): () => void {
  const sdkAxios = requireHere('axios') as AxiosStatic;
  const httpsOrigin = simulatorUrl.replace(/^http:/, 'https:');
  const interceptor = sdkAxios.interceptors.request.use((config) => {
    if (config.url?.startsWith(`${httpsOrigin}/`))
      config.url = simulatorUrl + config.url.slice(httpsOrigin.length);
    return config;
  });
  return () => sdkAxios.interceptors.request.eject(interceptor);
}

export const OFFICIAL_SDK_VERSION = (requireHere('smile-identity-core/package.json') as { version: string })
  .version;
