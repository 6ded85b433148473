// Runs async read-modify-write steps one after another, so two concurrent writes of a small JSON file
// (a vault) cannot lose one another's change. A failed step fails only its own caller.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
