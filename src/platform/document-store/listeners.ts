/** Callbacks to notify; one that throws is logged by nobody and stops nobody else (the batch is committed). */
export class Listeners {
  private readonly listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners])
      try {
        listener();
      } catch {
        // A listener's failure is its own: the commit it hears of has happened.
      }
  }
}
