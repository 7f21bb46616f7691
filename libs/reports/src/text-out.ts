import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Text gathered into 64 KB chunks, each written when the previous one has drained (backpressure). */
export class TextOut {
  private buffer = '';

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length > 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
