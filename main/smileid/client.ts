// The Smile ID v1 REST client: prep_upload, the zip PUT and job_status (docs/smileid-protocol.md §3). Each call signs at send
// time, has a timeout, validates the answer with zod and turns every failure into a classified SmileIdError.
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import {
  apiUrlProblem,
  callbackUrlProblem,
  STRICT_ENDPOINT_POLICY,
  uploadUrlProblem,
  type EndpointPolicy,
  type EndpointProblem,
} from '../../app/smileid/endpoint-policy';
import { JOB_TYPE_SMART_SELFIE_ENROLLMENT } from '../../app/smileid/image-types';
import { SmileIdError } from './errors';
import { checkJobStatusAuthenticity } from './response-authenticity';
import { signRequest, type SignedTimestamp } from './signature';
import { toSmileIdError } from './transport-errors';
import {
  jobStatusResponseSchema,
  prepUploadResponseSchema,
  type JobStatusResponse,
  type Metadatum,
  type PartnerParams,
  type PrepUploadRequest,
  type PrepUploadResponse,
} from './wire';

export interface SmileIdCredentials {
  /** The partner ID exactly as the portal shows it (leading zeros matter for the signature). */
  readonly partnerId: string;
  readonly apiKey: string;
  /** The v1 base, e.g. https://testapi.smileidentity.com/v1 or the simulator's http://127.0.0.1:P/v1. */
  readonly apiUrl: string;
}

export interface SmileIdTimeouts {
  readonly prepUploadMs: number;
  readonly uploadMs: number;
  readonly jobStatusMs: number;
}

export const DEFAULT_TIMEOUTS: SmileIdTimeouts = {
  prepUploadMs: 20_000,
  uploadMs: 120_000,
  jobStatusMs: 20_000,
};

export interface SmileIdClientOptions {
  readonly timeouts?: Partial<SmileIdTimeouts>;
  readonly sourceSdkVersion?: string;
  /** The clock used to sign requests (tests move it to provoke stale timestamps). */
  readonly now?: () => Date;
  /** Called with each server time seen (HTTP Date header, job_status timestamp), to measure clock skew. */
  readonly onServerTime?: (serverTime: Date, localTime: Date) => void;
  /**
   * Where requests may go (app/smileid/endpoint-policy.ts). Default: https to Smile ID's hosts only; the
   * simulator on loopback http needs DEVELOPMENT_ENDPOINT_POLICY, given explicitly by dev runs and tests.
   */
  readonly endpoints?: EndpointPolicy;
}

export interface PrepUploadParams {
  readonly userId: string;
  readonly jobId: string;
  /** Extra partner_params (kiosk_id, branch, operator, geo_*: partner-params.ts); values must be strings. */
  readonly extraPartnerParams?: Readonly<Record<string, string>>;
  /** prep_upload's metadata entries (the geolocation entry, §10); left out of the body when empty. */
  readonly metadata?: readonly Metadatum[];
  readonly callbackUrl?: string;
  /** Re-enroll a user_id Smile ID already has (2209 otherwise): only on a supervisor's approval (§7). */
  readonly allowNewEnroll?: boolean;
  /** True when this job_id was prepared before (or Smile ID answered 2215). */
  readonly retry: boolean;
}

export interface JobIds {
  readonly userId: string;
  readonly jobId: string;
}

export const UPLOAD_FILE_NAME = 'selfie.zip';
/** How many of its own request timestamps the client remembers, to recognise an answer that echoes one. */
const SENT_TIMESTAMPS_KEPT = 512;

export class SmileIdClient {
  private readonly http: AxiosInstance;
  private readonly timeouts: SmileIdTimeouts;
  private readonly now: () => Date;
  private readonly endpoints: EndpointPolicy;
  private readonly sentTimestamps = new Set<string>();
  /** Server time minus local time from the last HTTP Date header (the freshness check's clock correction). */
  private skewMs = 0;

  constructor(
    private readonly credentials: SmileIdCredentials,
    private readonly options: SmileIdClientOptions = {},
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.now = options.now ?? (() => new Date());
    this.endpoints = options.endpoints ?? STRICT_ENDPOINT_POLICY;
    // Keep-alive: a drain sends hundreds of small requests to one host; a TLS handshake each would dominate.
    // Certificates are always verified: set here, NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment cannot
    // turn verification off for these connections.
    this.http = axios.create({
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: true }),
      proxy: false,
      maxRedirects: 0,
      maxBodyLength: Infinity,
      maxContentLength: 10 * 1024 * 1024,
    });
  }

  get partnerId(): string {
    return this.credentials.partnerId;
  }

  partnerParams(params: PrepUploadParams): PartnerParams {
    return {
      ...params.extraPartnerParams,
      user_id: params.userId,
      job_id: params.jobId,
      job_type: JOB_TYPE_SMART_SELFIE_ENROLLMENT,
    };
  }

  /** A fresh signature, e.g. for info.json's misc_information. Remembered, so an echo of it is recognised. */
  sign(): SignedTimestamp {
    const signed = signRequest(this.credentials.apiKey, this.credentials.partnerId, this.now());
    this.sentTimestamps.add(signed.timestamp);
    if (this.sentTimestamps.size > SENT_TIMESTAMPS_KEPT) {
      this.sentTimestamps.delete(this.sentTimestamps.values().next().value as string);
    }
    return signed;
  }

  /** The prep_upload body, signed now. Exposed so tests can compare it field by field with the official SDK. */
  buildPrepUploadRequest(params: PrepUploadParams): PrepUploadRequest {
    const { partnerId } = this.credentials;
    return {
      source_sdk: 'rest_api',
      source_sdk_version: this.options.sourceSdkVersion ?? '1.0.0',
      file_name: UPLOAD_FILE_NAME,
      smile_client_id: partnerId,
      partner_params: this.partnerParams(params),
      model_parameters: {},
      ...(params.callbackUrl ? { callback_url: params.callbackUrl } : {}),
      use_enrolled_image: false,
      allow_new_enroll: params.allowNewEnroll ?? false,
      retry: params.retry,
      // The official SDK spreads id_info into the body; for job_type 4 that is only entered: "false".
      entered: 'false',
      ...(params.metadata?.length ? { metadata: [...params.metadata] } : {}),
      ...this.sign(),
    };
  }

  async prepUpload(params: PrepUploadParams): Promise<PrepUploadResponse> {
    this.refuseEndpoint('prep_upload', apiUrlProblem(this.credentials.apiUrl, this.endpoints));
    if (params.callbackUrl) {
      this.refuseEndpoint('callback_url', callbackUrlProblem(params.callbackUrl, this.endpoints));
    }
    const body = this.buildPrepUploadRequest(params);
    const response = await this.send('prep_upload', () =>
      this.http.post(`${this.credentials.apiUrl}/upload`, body, { timeout: this.timeouts.prepUploadMs }),
    );
    return parseOrThrow(prepUploadResponseSchema, response.data, 'prep_upload');
  }

  /** PUTs the zip to the presigned URL with exactly `Content-Type: application/zip` (the URL signs it). */
  async uploadZip(uploadUrl: string, zip: Uint8Array): Promise<void> {
    this.refuseEndpoint('upload', uploadUrlProblem(uploadUrl, this.credentials.apiUrl, this.endpoints));
    const body = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    await this.send('upload', async () => {
      try {
        return await this.http.put(uploadUrl, body, {
          timeout: this.timeouts.uploadMs,
          headers: { 'Content-Type': 'application/zip', 'Content-Length': String(body.length) },
          // The presigned URL is the credential; S3 answers 200 with an empty body.
          transformRequest: [(data: Buffer) => data],
        });
      } catch (error) {
        const status = axios.isAxiosError(error) ? error.response?.status : undefined;
        // 403 = expired or refused link; any other 4xx from the storage host means the same for us.
        if (status !== undefined && status >= 400 && status < 500) {
          throw new SmileIdError({
            kind: 'upload_refused',
            httpStatus: status,
            detail: `upload: HTTP ${status}`,
          });
        }
        throw error;
      }
    });
  }

  /**
   * One job_status call. An answer is a result only if it is authentic, fresh and about this job
   * (response-authenticity.ts); anything else is an error, never a result.
   */
  async jobStatus(ids: JobIds): Promise<JobStatusResponse> {
    this.refuseEndpoint('job_status', apiUrlProblem(this.credentials.apiUrl, this.endpoints));
    const { partnerId, apiKey } = this.credentials;
    const body = {
      partner_id: partnerId,
      user_id: ids.userId,
      job_id: ids.jobId,
      image_links: false,
      history: false,
      ...this.sign(),
    };
    const response = await this.send('job_status', () =>
      this.http.post(`${this.credentials.apiUrl}/job_status`, body, { timeout: this.timeouts.jobStatusMs }),
    );
    const status = parseOrThrow(jobStatusResponseSchema, response.data, 'job_status');
    const problem = checkJobStatusAuthenticity(status, {
      apiKey,
      partnerId,
      jobId: ids.jobId,
      userId: ids.userId,
      sentTimestamps: this.sentTimestamps,
      now: this.now(),
      skewMs: this.skewMs,
    });
    if (problem) throw new SmileIdError(problem);
    this.observeServerTime(status.timestamp);
    return status;
  }

  /** Nothing is sent to an address the policy does not allow: not the key's signature, not a selfie. */
  private refuseEndpoint(operation: string, problem: EndpointProblem | null): void {
    if (problem) throw new SmileIdError({ kind: 'endpoint_not_allowed', detail: `${operation}: ${problem}` });
  }

  private async send<T extends { headers: unknown }>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      const response = await call();
      const headers = response.headers as Record<string, unknown>;
      if (typeof headers.date === 'string') this.observeDateHeader(headers.date);
      return response;
    } catch (error) {
      const smileError = toSmileIdError(error, operation);
      if (axios.isAxiosError(error) && typeof error.response?.headers.date === 'string') {
        this.observeDateHeader(error.response.headers.date);
      }
      throw smileError;
    }
  }

  private observeDateHeader(value: string): void {
    const serverTime = Date.parse(value);
    if (!Number.isNaN(serverTime)) this.skewMs = serverTime - this.now().getTime();
    this.observeServerTime(value);
  }

  private observeServerTime(value: string): void {
    const serverTime = new Date(value);
    if (this.options.onServerTime && !Number.isNaN(serverTime.getTime())) {
      this.options.onServerTime(serverTime, this.now());
    }
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new SmileIdError({
      kind: 'response_invalid',
      detail: `${operation}: ${parsed.error.issues[0]?.message ?? ''}`,
    });
  }
  return parsed.data;
}
