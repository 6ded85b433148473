// How many enrollments this page has submitted since it loaded: what the renderer recycler counts towards
// its limit. A module variable on purpose: it lives exactly as long as the page, so only a reload starts it
// again at 0, and nothing else — not resetFlow, not the idle reset, not a settings change — can clear it by
// accident. A count only: it holds nothing about the customers.
let submitted = 0;

/** Called once per submit of a captured enrollment, answered or refused: each one went through a capture. */
export function countSubmittedEnrollment(): void {
  submitted += 1;
}

export function enrollmentsSinceLoad(): number {
  return submitted;
}
