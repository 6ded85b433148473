// The preload (sandboxed, context-isolated): exposes exactly the app/ channel map as window.kiosk and nothing
// else — no ipcRenderer, no Node. A sandboxed preload may require only electron, events, timers and url; the
// lint layer for this folder allows app/ and electron alone.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL } from '../../../app/ipc/channel-names';
import { buildKioskBridge } from './kiosk-bridge';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskBridge(
    {
      invoke: (channel, request) => ipcRenderer.invoke(channel, request),
      on: (channel, listener) => ipcRenderer.on(channel, listener),
      removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    },
    EVENT_CHANNEL,
  ),
);
