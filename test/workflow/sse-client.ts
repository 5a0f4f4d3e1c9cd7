/** A Server-Sent Events client on a plain `http.get`, for the watch tests. */
import { get, type IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly event: string;
  readonly data: unknown;
}

export class SseClient {
  private readonly received: SseMessage[] = [];
  private waiters: (() => void)[] = [];
  private response: IncomingMessage | undefined;

  private constructor(private readonly url: string) {}

  static async connect(url: string): Promise<SseClient> {
    const client = new SseClient(url);
    await client.open();
    return client;
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = get(this.url, (res) => {
        this.response = res;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined)
              this.received.push({ event, data: JSON.parse(data) });
          }
          const waiters = this.waiters;
          this.waiters = [];
          for (const wake of waiters) wake();
        });
        resolve();
      });
      request.on('error', reject);
    });
  }

  /** The first message (from now on, or already received after `after`) with this event that matches. */
  async next(
    event: string,
    matches: (data: never) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((m) => m.event === event && matches(m.data as never));
      if (index >= 0) return this.received.splice(0, index + 1).pop() as SseMessage;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no \`${event}\` event within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.response?.destroy();
  }
}
