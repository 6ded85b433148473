// The preload (sandboxed, context-isolated): exposes exactly the app/ channel map as window.kiosk and nothing
// else — no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL } from '../../app/ipc/channels';
import { buildKioskApi } from './kiosk-api-bridge';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi(
    {
      invoke: (channel, request) => ipcRenderer.invoke(channel, request),
      on: (channel, listener) => ipcRenderer.on(channel, listener),
      removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    },
    EVENT_CHANNEL,
  ),
);
