import { describe, expect, it } from 'vitest';
import {
  CAMERA_PROBLEM_ADVICE,
  CameraError,
  type CameraProblem,
  cameraErrorFrom,
} from '../../renderer/capture/camera-problems';

/** What getUserMedia rejects with: a DOMException, of which only the name matters. */
function rejection(name: string, message = 'Requested device not found'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('cameraErrorFrom', () => {
  const cases: [string, CameraProblem][] = [
    ['NotFoundError', 'not_found'],
    ['DevicesNotFoundError', 'not_found'],
    ['OverconstrainedError', 'not_found'],
    ['NotAllowedError', 'permission_denied'],
    ['PermissionDeniedError', 'permission_denied'],
    ['SecurityError', 'permission_denied'],
    ['NotReadableError', 'in_use'],
    ['TrackStartError', 'in_use'],
    ['AbortError', 'in_use'],
    ['TypeError', 'unknown'],
  ];
  for (const [name, problem] of cases) {
    it(`maps ${name} to ${problem}`, () => {
      const error = cameraErrorFrom(rejection(name));
      expect(error).toBeInstanceOf(CameraError);
      expect(error.problem).toBe(problem);
      expect(error.name).toBe('CameraError');
      expect(error.message).toContain(name);
      expect(error.cause).toBeInstanceOf(Error);
    });
  }

  it('maps things that are not errors, or inherited property names, to unknown', () => {
    expect(cameraErrorFrom('boom').problem).toBe('unknown');
    expect(cameraErrorFrom(null).problem).toBe('unknown');
    expect(cameraErrorFrom({ name: 'toString' }).problem).toBe('unknown');
    expect(cameraErrorFrom({ name: 'NotAllowedError' }).problem).toBe('permission_denied');
  });

  it('passes a CameraError through unchanged', () => {
    const unplugged = new CameraError('unplugged');
    expect(cameraErrorFrom(unplugged)).toBe(unplugged);
    expect(unplugged.message).toBe(CAMERA_PROBLEM_ADVICE.unplugged.title);
  });

  it('has advice saying what to do for every problem', () => {
    for (const advice of Object.values(CAMERA_PROBLEM_ADVICE)) {
      expect(advice.title.length).toBeGreaterThan(0);
      expect(advice.action).toMatch(/\.$/);
    }
  });
});
