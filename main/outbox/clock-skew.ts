// Measures how far the kiosk clock is from Smile ID's, from the server times seen in answers (HTTP Date,
// job_status timestamps). Smile ID refuses stale signatures, so a wrong clock stops every enrollment.
export class ClockSkew {
  private latestMs: number | null = null;

  constructor(private toleranceMs: number) {}

  /** Server time minus local time; a Date header has 1 s resolution, so small values are noise. */
  observe(serverTime: Date, localTime: Date): void {
    this.latestMs = serverTime.getTime() - localTime.getTime();
  }

  setTolerance(toleranceMs: number): void {
    this.toleranceMs = toleranceMs;
  }

  get skewMs(): number | null {
    return this.latestMs;
  }

  get exceeded(): boolean {
    return this.latestMs !== null && Math.abs(this.latestMs) > this.toleranceMs;
  }

  describe(): string {
    const minutes = Math.round(Math.abs(this.latestMs ?? 0) / 60_000);
    const direction = (this.latestMs ?? 0) > 0 ? 'behind' : 'ahead of';
    return `The kiosk clock is about ${minutes} min ${direction} Smile ID's.`;
  }
}
