// How Electron's contextBridge moves values between the preload's isolated world and the page, as its
// documentation describes it: functions are proxied (their arguments and results copied again on each call),
// promises are proxied, plain data is copied without prototypes, and an Error — thrown or rejected — arrives as
// a new Error that keeps only its message. The stand-in shell applies this to everything the preload exposes.
//
// The preload runs in its own V8 context here (as in Electron), so values are recognised by their internal type
// (util.types), not by `instanceof`, which fails across contexts.
import { types } from 'node:util';

export function copyAcrossBridge(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
    return value;
  }
  if (types.isNativeError(value)) return new Error(value.message);
  if (types.isPromise(value)) return proxyPromise(value);
  if (ArrayBuffer.isView(value) || types.isAnyArrayBuffer(value) || types.isDate(value)) {
    return structuredClone(value);
  }
  if (Array.isArray(value)) return value.map(copyAcrossBridge);
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = copyAcrossBridge(inner);
  return copy;
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = fn(...args.map(copyAcrossBridge));
    } catch (error) {
      throw reduceError(error);
    }
    return copyAcrossBridge(result);
  };
}

function proxyPromise(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(copyAcrossBridge, (error: unknown) => {
    throw reduceError(error);
  });
}

function reduceError(error: unknown): Error {
  return new Error(types.isNativeError(error) ? error.message : String(error));
}
