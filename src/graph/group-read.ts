/**
 * A read that many concurrent callers need with the same answer, such as the catalogue's change stamp
 * that every course plan checks. Each caller gets the result of a read that started after it asked, so
 * the answer is as fresh as its own read would have been; callers arriving while a read is under way
 * share the next one. Under load that is one read in flight and one waiting, however many callers
 * (a group read, as the audit trail's group commit is a group write).
 */
export class GroupRead<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    // The running read may have started before this call: wait for the one after it.
    this.waiting ??= this.running.then(
      () => this.startWaiting(),
      () => this.startWaiting(),
    );
    return this.waiting;
  }

  private startWaiting(): Promise<T> {
    this.waiting = null;
    return this.start();
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const settle = () => {
      if (this.running === read) this.running = null;
    };
    read.then(settle, settle);
    return read;
  }
}
