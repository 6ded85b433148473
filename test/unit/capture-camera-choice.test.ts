import { describe, expect, it } from 'vitest';
import { CAMERA_RESOLUTIONS, DEFAULT_SETTINGS } from '../../app/settings';
import {
  DEVICE_GONE_ERRORS,
  cameraChoices,
  deviceMissing,
  parseResolution,
  videoConstraints,
} from '../../renderer/capture/camera-choice';

const camera = (deviceId: string | null, resolution = DEFAULT_SETTINGS.camera.resolution) => ({
  deviceId,
  resolution,
});
const input = (deviceId: string, label = `cam ${deviceId}`) => ({ kind: 'videoinput', deviceId, label });

describe('parseResolution', () => {
  it('reads every resolution the settings offer', () => {
    expect(CAMERA_RESOLUTIONS.map(parseResolution)).toEqual([
      { width: 640, height: 480 },
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]);
  });
});

describe('videoConstraints', () => {
  it('asks the default camera for the chosen size as ideal, preferring the front-facing one', () => {
    expect(videoConstraints(camera(null, '1920x1080'))).toEqual({
      width: { ideal: 1920 },
      height: { ideal: 1080 },
      facingMode: { ideal: 'user' },
    });
  });

  it('names a chosen camera exactly (so it is really that one), the size still ideal', () => {
    expect(videoConstraints(camera('abc', '640x480'))).toEqual({
      width: { ideal: 640 },
      height: { ideal: 480 },
      deviceId: { exact: 'abc' },
    });
  });

  it('gives the default camera’s constraints when told the chosen one is gone', () => {
    expect(videoConstraints(camera('abc', '640x480'), true)).toEqual(
      videoConstraints(camera(null, '640x480')),
    );
  });

  it('treats "not found" and "over-constrained" as the device being gone, but not "busy" or "forbidden"', () => {
    expect(DEVICE_GONE_ERRORS.has('OverconstrainedError')).toBe(true);
    expect(DEVICE_GONE_ERRORS.has('NotFoundError')).toBe(true);
    expect(DEVICE_GONE_ERRORS.has('NotReadableError')).toBe(false);
    expect(DEVICE_GONE_ERRORS.has('NotAllowedError')).toBe(false);
  });
});

describe('deviceMissing', () => {
  it('knows a chosen camera is missing only when the list shows device ids', () => {
    expect(deviceMissing(camera('a'), [input('a'), input('b')])).toBe(false);
    expect(deviceMissing(camera('c'), [input('a'), input('b')])).toBe(true);
    // Before permission the browser lists cameras without ids: it cannot be told.
    expect(deviceMissing(camera('c'), [input('', '')])).toBeUndefined();
    expect(deviceMissing(camera('c'), [])).toBeUndefined();
    expect(deviceMissing(camera(null), [])).toBe(false);
  });

  it('looks at cameras only', () => {
    expect(
      deviceMissing(camera('a'), [{ kind: 'audioinput', deviceId: 'a', label: 'mic' }, input('b')]),
    ).toBe(true);
  });
});

describe('cameraChoices', () => {
  it('lists the default camera first, then each camera once', () => {
    expect(cameraChoices([input('a'), input('b'), input('a')], null)).toEqual([
      { deviceId: null, label: '', missing: false },
      { deviceId: 'a', label: 'cam a', missing: false },
      { deviceId: 'b', label: 'cam b', missing: false },
    ]);
  });

  it('keeps a saved camera that is not connected, marked missing', () => {
    expect(cameraChoices([input('a')], 'gone').at(-1)).toEqual({
      deviceId: 'gone',
      label: '',
      missing: true,
    });
    expect(cameraChoices([input('a')], 'a').some((choice) => choice.missing)).toBe(false);
  });

  it('skips entries without an id and what is not a camera', () => {
    expect(
      cameraChoices([input(''), { kind: 'audioinput', deviceId: 'm', label: 'mic' }], null).map(
        (c) => c.deviceId,
      ),
    ).toEqual([null]);
  });
});
