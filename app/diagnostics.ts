// The supervisor's "Export diagnostics" call as the IPC contract (app/ipc/channels.ts): one JSON file for the
// support team that main writes (main/diagnostics/) and the renderer saves as it is. What the file holds, and
// what it never holds (a user ID, a job reference, an image, a secret), is in docs/diagnostics.md.
import { z } from 'zod';
import { sessionTokenSchema } from './operator-session';

/** The file's own format; support tools tell a later layout apart by it. */
export const DIAGNOSTICS_FORMAT_VERSION = 1;

export const exportDiagnosticsRequestSchema = z.object({ grant: sessionTokenSchema }).strict();

export const exportDiagnosticsResponseSchema = z.object({
  /** A name to save it under, e.g. diagnostics-K-01-20261130T120000Z.json. */
  fileName: z.string(),
  /** The file itself: UTF-8 JSON. */
  content: z.string(),
});
export type DiagnosticsExport = z.infer<typeof exportDiagnosticsResponseSchema>;
