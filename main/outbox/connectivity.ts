// Is Smile ID reachable? Known from every request's fate; after a network failure the host is probed at an
// interval until it answers. Any HTTP answer counts as reachable — only the connection matters here.
import axios from 'axios';

export type Probe = () => Promise<boolean>;

export function probeHost(apiUrl: string, timeoutMs = 5_000): Probe {
  const origin = new URL(apiUrl).origin;
  return async () => {
    try {
      await axios.get(origin, {
        timeout: timeoutMs,
        validateStatus: () => true,
        proxy: false,
        maxRedirects: 0,
      });
      return true;
    } catch {
      // A failed probe is the answer "unreachable", not an error to report.
      return false;
    }
  };
}

export class Connectivity {
  private reachable = true;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private stopped = false;

  constructor(
    private probe: Probe,
    private readonly probeIntervalMs: number,
    private readonly onChange: (online: boolean) => void,
  ) {}

  get online(): boolean {
    return this.reachable;
  }

  /** A new Smile ID host (settings changed): assume reachable and let the next request tell. */
  setProbe(probe: Probe): void {
    this.probe = probe;
    this.set(true);
  }

  reportSuccess(): void {
    this.set(true);
  }

  reportFailure(): void {
    this.set(false);
  }

  /** The OS says the network changed (Electron's online/offline, power resume): check now. */
  checkNow(): void {
    void this.runProbe();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private set(online: boolean): void {
    if (online === this.reachable) return;
    this.reachable = online;
    if (!online) this.scheduleProbe();
    this.onChange(online);
  }

  private scheduleProbe(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runProbe();
    }, this.probeIntervalMs);
    this.timer.unref();
  }

  private async runProbe(): Promise<void> {
    if (this.probing || this.stopped) return;
    this.probing = true;
    try {
      const ok = await this.probe();
      this.set(ok);
      if (!ok) this.scheduleProbe();
    } finally {
      this.probing = false;
    }
  }
}
