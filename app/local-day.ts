// Days as branch staff mean them: the kiosk's own calendar (its time zone), written YYYY-MM-DD. The audit trail's
// day filter and the operator panel's end-of-day totals both use these, so "Tuesday" is the same span in both.

/** The local day `YYYY-MM-DD` an instant (epoch ms) falls on. */
export function localDayOf(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** [from, to) in epoch ms of the local day `YYYY-MM-DD` (23 or 25 hours long on a daylight-saving change). */
export function localDayRange(day: string): { from: number; to: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return {
    from: new Date(year, month - 1, date).getTime(),
    to: new Date(year, month - 1, date + 1).getTime(),
  };
}
