// The kiosk's cameras as the browser lists them, for the camera picker. Browsers hide camera names until the
// page has been allowed to use a camera; `listCameras` can ask for that permission first (by opening and at
// once closing the default camera), so the operator picks "Logitech C920", not "Camera 2".
import { mediaDevices } from './camera';
import { cameraErrorFrom } from './camera-problems';
import type { DeviceInfo } from './camera-choice';

function asInfo(device: MediaDeviceInfo): DeviceInfo {
  return { kind: device.kind, deviceId: device.deviceId, label: device.label };
}

async function videoInputs(devices: MediaDevices): Promise<DeviceInfo[]> {
  return (await devices.enumerateDevices()).filter((device) => device.kind === 'videoinput').map(asInfo);
}

/** Video inputs; with `askPermission`, asks for camera access first if the names are hidden. */
export async function listCameras({ askPermission = false } = {}): Promise<DeviceInfo[]> {
  const devices = mediaDevices();
  const listed = await videoInputs(devices);
  if (!askPermission || listed.every((device) => device.label !== '')) return listed;
  try {
    const stream = await devices.getUserMedia({ video: true, audio: false });
    for (const track of stream.getTracks()) track.stop();
  } catch (error) {
    throw cameraErrorFrom(error);
  }
  return videoInputs(devices);
}

/** Calls back whenever a camera is plugged in or out; returns the unsubscribe. */
export function onCamerasChanged(callback: () => void): () => void {
  const devices: MediaDevices | undefined = navigator.mediaDevices;
  if (devices === undefined) return () => undefined;
  devices.addEventListener('devicechange', callback);
  return () => devices.removeEventListener('devicechange', callback);
}
