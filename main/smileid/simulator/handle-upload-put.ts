// PUT <upload_url>: the simulator's stand-in for the presigned S3 upload (docs/smileid-protocol.md §3.2). It answers like
// S3 (403 with an XML error, or 200 with an empty body) and then processes the zip like Smile ID would.
import type { SimulatorCore } from './core';
import { emptyOk, s3Error } from './http-io';
import type { Reply } from './http-io';
import { pickResultCode } from './outcomes';
import { UploadUrlSigner } from './upload-url';
import { inspectZip } from './zip-inspection';

export interface PutRequest {
  readonly url: URL;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export async function handleUploadPut(core: SimulatorCore, put: PutRequest): Promise<Reply> {
  const refId = UploadUrlSigner.refIdOf(put.url.pathname);
  const job = refId === null ? undefined : core.state.findJobByRef(refId);
  if (job) job.puts += 1;

  const now = core.now();
  const check = core.signer.verify(put.url.pathname, put.url.searchParams, now);
  if (check === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired');
  if (check === 'bad-signature' || !job) {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  // The presigned URL signs Content-Type=application/zip, so anything else breaks the signature (docs/smileid-protocol.md §3.2).
  if (put.contentType !== 'application/zip') {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'Content-Type must be exactly application/zip for this URL.',
    );
  }

  job.acceptedZips += 1;
  job.zipBytes = put.body.length;
  if (job.zipReceivedAt === null) {
    // Claimed before the await so a concurrent second PUT does not process the job twice.
    job.zipReceivedAt = now;
    job.readyAt = now + core.behaviour.processingDelayMs;
    // Inspected before answering, so with processingDelayMs 0 the job is complete once the PUT returns.
    const verdict = await inspectZip(put.body);
    job.images = verdict.images;
    job.zipProblem = verdict.reason;
    job.pendingCode = verdict.failureCode ?? pickResultCode(job.userId, core.behaviour);
    // Its result must reach the callback even if nobody polls for it.
    if (job.extras.callbackUrl !== null) core.settleAt(job.readyAt);
  }
  return emptyOk(put.body);
}
