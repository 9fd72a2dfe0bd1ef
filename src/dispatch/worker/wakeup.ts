/**
 * The loop's sleep, cut short by a poke (work is probably waiting). A poke while the loop is
 * awake is kept, so the next sleep returns at once instead of missing it.
 */
export class Wakeup {
  private poked = false;
  private wake: (() => void) | null = null;

  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  /** Sleep until poked or `ms` passed; resolves true when the time ran out. */
  sleep(ms: number, stopping: boolean): Promise<boolean> {
    if (this.poked || stopping) {
      this.poked = false;
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      const done = (timedOut: boolean) => {
        clearTimeout(timer);
        this.wake = null;
        this.poked = false;
        resolve(timedOut);
      };
      const timer = setTimeout(() => done(true), ms);
      this.wake = () => done(false);
    });
  }
}
