// Guided capture: live preview in an oval, one prompt at a time, 8 liveness frames and a selfie. Always a way
// out: Cancel (home, nothing kept, camera off) on every phase, and a time limit on the capture itself
// (settings.captureTimeoutSeconds) that ends on "Please call the operator" with Try again and Cancel. While
// the capture runs, that limit — not the idle reset, which a tap would restart — decides when it ends
// (renderer/store/idle-policy.ts explains why).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../app/settings';
import { CameraError } from '../capture/camera';
import { type CaptureProgress, CaptureSession, CaptureTimeoutError } from '../capture/capture-session';
import { flash, playShutter } from '../components/capture-feedback';
import { useCaptureRunning } from '../store/idle-reset';
import { go, resetFlow, updateFlow, useKiosk } from '../store/kiosk-store';

/** opening → ready (Start) → capturing → review; or → timedOut (Try again → reopening → capturing). */
type Phase = 'opening' | 'ready' | 'capturing' | 'timedOut' | 'reopening';

const GOOD_PROMPTS = new Set(['hold_still', 'smile', 'done']);

function showCameraProblem(error: unknown): void {
  updateFlow({ cameraProblem: error instanceof CameraError ? error.problem : 'unknown' });
  go('cameraProblem');
}

export function CaptureScreen() {
  const { t } = useTranslation();
  const camera = useKiosk((state) => state.settings?.camera ?? DEFAULT_SETTINGS.camera);
  const timeoutSeconds = useKiosk(
    (state) => state.settings?.captureTimeoutSeconds ?? DEFAULT_SETTINGS.captureTimeoutSeconds,
  );
  const video = useRef<HTMLVideoElement>(null);
  const flashLayer = useRef<HTMLDivElement>(null);
  const session = useRef<CaptureSession | null>(null);
  const abort = useRef<AbortController | null>(null);
  /** Bumped when the screen unmounts: a camera that finishes opening after that is closed at once. */
  const generation = useRef(0);
  const [phase, setPhase] = useState<Phase>('opening');
  const [progress, setProgress] = useState<CaptureProgress | null>(null);
  const [aspectRatio, setAspectRatio] = useState<string | undefined>(undefined);
  useCaptureRunning(phase === 'capturing');

  /** Opens camera and detector; null if the screen went away meanwhile or the camera failed (shown). */
  const open = async (): Promise<CaptureSession | null> => {
    const element = video.current;
    if (!element) return null;
    const mine = generation.current;
    try {
      const opened = await CaptureSession.open(element, { camera });
      if (mine !== generation.current) {
        opened.close();
        return null;
      }
      session.current = opened;
      opened.onCameraLost(() => showCameraProblem(new CameraError('unplugged')));
      const { width, height } = opened.cameraSize;
      // The preview shows the whole picture the detector sees (4:3 or 16:9), so "move to the middle" is true.
      if (width > 0 && height > 0) setAspectRatio(`${width} / ${height}`);
      return opened;
    } catch (error) {
      if (mine === generation.current) showCameraProblem(error);
      return null;
    }
  };

  const closeSession = () => {
    abort.current?.abort();
    session.current?.close();
    session.current = null;
  };

  useEffect(() => {
    void open().then((opened) => {
      if (opened) setPhase('ready');
    });
    return () => {
      // Leaving the screen (review, Cancel, idle reset, home) always turns the camera off.
      generation.current += 1;
      closeSession();
    };
    // Opened once per visit: a settings change meanwhile applies to the next capture.
  }, []);

  const run = async (current: CaptureSession) => {
    setPhase('capturing');
    setProgress(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await current.run(
        (next) => {
          if (next.captured) {
            flash(flashLayer.current);
            playShutter();
          }
          setProgress(next);
        },
        { signal: controller.signal, timeoutMs: timeoutSeconds * 1000 },
      );
      const selfieUrl = URL.createObjectURL(
        new Blob([result.selfie as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      );
      updateFlow({ selfie: result.selfie, liveness: result.liveness, selfieUrl });
      go('review');
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof CaptureTimeoutError) {
        // The capture is over: camera off, nothing kept, until the customer or the operator chooses.
        closeSession();
        setPhase('timedOut');
        return;
      }
      showCameraProblem(error);
    }
  };

  const start = () => {
    if (session.current) void run(session.current);
  };

  const tryAgain = async () => {
    setPhase('reopening');
    setProgress(null);
    const opened = await open();
    if (opened) void run(opened);
  };

  const prompt = progress?.prompt ?? 'starting';
  return (
    <main className="screen capture">
      <h1>{t('capture.title')}</h1>
      <div className="preview" style={aspectRatio ? { aspectRatio } : undefined}>
        <video ref={video} className="mirror" muted playsInline autoPlay aria-hidden />
        <div className={`oval ${GOOD_PROMPTS.has(prompt) ? 'oval-good' : 'oval-wait'}`} aria-hidden />
        <div ref={flashLayer} className="flash-layer" aria-hidden />
      </div>
      {phase === 'timedOut' ? (
        <div className="capture-timeout" role="alert" data-testid="capture-timeout">
          <p className="prompt">{t('capture.timeout.title')}</p>
          <p>{t('capture.timeout.body')}</p>
        </div>
      ) : (
        <p
          className="prompt"
          role="status"
          aria-live="assertive"
          data-testid="capture-prompt"
          data-prompt={prompt}
        >
          {phase === 'opening' || phase === 'reopening'
            ? t('capture.preparing')
            : t(`capture.prompts.${prompt}`)}
        </p>
      )}
      {progress && phase === 'capturing' && (
        <p
          className="capture-progress"
          data-testid="capture-progress"
          data-captured={progress.livenessCaptured}
          data-fps={progress.fps.toFixed(1)}
          data-backend={session.current?.backend}
        >
          {t('capture.progress', { count: progress.livenessCaptured, total: progress.livenessTotal })}
        </p>
      )}
      <div className="actions">
        <button className="secondary" data-testid="capture-cancel" onClick={resetFlow}>
          {t('common.cancel')}
        </button>
        {(phase === 'opening' || phase === 'ready') && (
          <button
            className="primary huge"
            data-testid="capture-start"
            disabled={phase !== 'ready'}
            onClick={start}
          >
            {t('capture.start')}
          </button>
        )}
        {phase === 'timedOut' && (
          <button className="primary" data-testid="capture-retry" onClick={() => void tryAgain()}>
            {t('common.tryAgain')}
          </button>
        )}
      </div>
    </main>
  );
}
