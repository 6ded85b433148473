// Guided capture: live preview in an oval, one prompt at a time, 8 liveness frames and a selfie.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError } from '../capture/camera';
import { CaptureSession, type CaptureProgress } from '../capture/capture-session';
import { flash, playShutter } from '../components/capture-feedback';
import { go, updateFlow } from '../store/kiosk-store';

type Phase = 'opening' | 'ready' | 'capturing';

export function CaptureScreen() {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const flashLayer = useRef<HTMLDivElement>(null);
  const session = useRef<CaptureSession | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<Phase>('opening');
  const [progress, setProgress] = useState<CaptureProgress | null>(null);

  useEffect(() => {
    let cancelled = false;
    const element = video.current;
    if (!element) return;
    CaptureSession.open(element)
      .then((opened) => {
        if (cancelled) return opened.close();
        session.current = opened;
        opened.onCameraLost(() => {
          updateFlow({ cameraProblem: 'unplugged' });
          go('cameraProblem');
        });
        setPhase('ready');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        updateFlow({ cameraProblem: error instanceof CameraError ? error.problem : 'unknown' });
        go('cameraProblem');
      });
    return () => {
      // Leaving the screen (review, idle reset, home) always turns the camera off.
      cancelled = true;
      abort.current?.abort();
      session.current?.close();
      session.current = null;
    };
  }, []);

  const start = async () => {
    const current = session.current;
    if (!current) return;
    setPhase('capturing');
    abort.current = new AbortController();
    try {
      const result = await current.run((next) => {
        if (next.captured) {
          flash(flashLayer.current);
          playShutter();
        }
        setProgress(next);
      }, abort.current.signal);
      const selfieUrl = URL.createObjectURL(
        new Blob([result.selfie as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      );
      updateFlow({ selfie: result.selfie, liveness: result.liveness, selfieUrl });
      go('review');
    } catch (error) {
      if (abort.current.signal.aborted) return;
      updateFlow({ cameraProblem: error instanceof CameraError ? error.problem : 'unknown' });
      go('cameraProblem');
    }
  };

  const prompt = progress?.prompt ?? 'starting';
  return (
    <main className="screen capture">
      <h1>{t('capture.title')}</h1>
      <div className="preview">
        <video ref={video} className="mirror" muted playsInline autoPlay aria-hidden />
        <div
          className={`oval ${prompt === 'hold_still' || prompt === 'smile' || prompt === 'done' ? 'oval-good' : 'oval-wait'}`}
          aria-hidden
        />
        <div ref={flashLayer} className="flash-layer" aria-hidden />
      </div>
      <p
        className="prompt"
        role="status"
        aria-live="assertive"
        data-testid="capture-prompt"
        data-prompt={prompt}
      >
        {phase === 'opening' ? t('capture.preparing') : t(`capture.prompts.${prompt}`)}
      </p>
      {progress && (
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
      {phase !== 'capturing' && (
        <button
          className="primary huge"
          data-testid="capture-start"
          disabled={phase !== 'ready'}
          onClick={() => void start()}
        >
          {t('capture.start')}
        </button>
      )}
    </main>
  );
}
