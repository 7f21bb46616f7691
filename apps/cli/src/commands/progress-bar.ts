/** A one-line progress bar on stderr: rows done / total and the rate; plain lines when stderr is not a terminal. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number | null,
  ) {}

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.tty ? 200 : 2000)) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    let text = `${this.label} ${done.toLocaleString('en-US')}`;
    if (this.total) {
      const share = Math.min(done / this.total, 1);
      const width = 30;
      const filled = Math.round(share * width);
      text = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${Math.round(share * 100)}%`;
    }
    text += ` ${rate.toLocaleString('en-US')} rows/s`;
    process.stderr.write(this.tty ? `\r${text}\x1b[K` : `${text}\n`);
  }

  done(count: number): void {
    this.update(count, true);
    if (this.tty) process.stderr.write('\n');
  }
}
