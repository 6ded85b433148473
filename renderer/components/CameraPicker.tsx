// Settings: which camera the kiosk uses and at what picture size, with a small live preview of exactly that
// choice (the preview opens the camera the way the capture will: camera.ts `openCamera`). A saved camera that
// is not connected stays listed, marked, so the operator sees what is set and that the default is used.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMERA_RESOLUTIONS, type CameraSettings } from '../../app/settings';
import { type CameraHandle, openCamera } from '../capture/camera';
import { type DeviceInfo, cameraChoices } from '../capture/camera-choice';
import { listCameras, onCamerasChanged } from '../capture/camera-devices';
import { type CameraProblem, cameraErrorFrom } from '../capture/camera-problems';

export interface CameraPickerProps {
  readonly value: CameraSettings;
  onChange(next: CameraSettings): void;
}

/** The <select> value of the default camera (a deviceId is never empty). */
const DEFAULT_OPTION = '';

export function CameraPicker({ value, onChange }: CameraPickerProps) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<DeviceInfo[]>([]);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [delivered, setDelivered] = useState<{ width: number; height: number } | null>(null);
  const preview = useRef<HTMLVideoElement>(null);

  const refresh = async (askPermission = false) => {
    try {
      setDevices(await listCameras({ askPermission }));
    } catch (error) {
      setProblem(cameraErrorFrom(error).problem);
    }
  };

  useEffect(() => {
    void refresh();
    return onCamerasChanged(() => void refresh());
  }, []);

  // The preview follows the choice; opening it also grants the permission that reveals the camera names.
  useEffect(() => {
    const element = preview.current;
    if (!element) return;
    let live = true;
    let handle: CameraHandle | null = null;
    setDelivered(null);
    setProblem(null);
    openCamera(element, value)
      .then((opened) => {
        if (!live) return opened.stop();
        handle = opened;
        setDelivered({ width: element.videoWidth, height: element.videoHeight });
        void refresh();
      })
      .catch((error: unknown) => {
        if (live) setProblem(cameraErrorFrom(error).problem);
      });
    return () => {
      live = false;
      handle?.stop();
    };
  }, [value.deviceId, value.resolution]);

  const choices = cameraChoices(devices, value.deviceId);
  const namesHidden = devices.some((device) => device.label === '');
  const nameOf = (label: string, index: number, missing: boolean) => {
    if (missing) return t('camera.picker.missing', { name: t('camera.picker.savedCamera') });
    return label || t('camera.picker.unnamed', { number: index });
  };

  return (
    <fieldset className="camera-picker" data-testid="camera-picker">
      <legend>{t('camera.picker.title')}</legend>
      <label>
        {t('camera.picker.device')}
        <select
          data-testid="camera-device"
          value={value.deviceId ?? DEFAULT_OPTION}
          onChange={(event) =>
            onChange({
              ...value,
              deviceId: event.target.value === DEFAULT_OPTION ? null : event.target.value,
            })
          }
        >
          {choices.map((choice, index) => (
            <option key={choice.deviceId ?? DEFAULT_OPTION} value={choice.deviceId ?? DEFAULT_OPTION}>
              {choice.deviceId === null
                ? t('camera.picker.defaultDevice')
                : nameOf(choice.label, index, choice.missing)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('camera.picker.resolution')}
        <select
          data-testid="camera-resolution"
          value={value.resolution}
          onChange={(event) => {
            const resolution = CAMERA_RESOLUTIONS.find((known) => known === event.target.value);
            if (resolution) onChange({ ...value, resolution });
          }}
        >
          {CAMERA_RESOLUTIONS.map((resolution) => (
            <option key={resolution} value={resolution}>
              {t(`camera.picker.resolutions.${resolution}`)}
            </option>
          ))}
        </select>
      </label>
      <video
        ref={preview}
        className="camera-picker-preview mirror"
        muted
        playsInline
        autoPlay
        aria-label={t('camera.picker.preview')}
      />
      {delivered && (
        <p data-testid="camera-delivers">
          {t('camera.picker.delivers', { width: delivered.width, height: delivered.height })}
        </p>
      )}
      {devices.length === 0 && problem === null && <p>{t('camera.picker.noCameras')}</p>}
      {problem && (
        <p className="problem" role="alert" data-testid="camera-picker-problem" data-problem={problem}>
          {t(`camera.${problem}`)}
        </p>
      )}
      {namesHidden && (
        <button type="button" className="secondary" onClick={() => void refresh(true)}>
          {t('camera.picker.showNames')}
        </button>
      )}
    </fieldset>
  );
}
