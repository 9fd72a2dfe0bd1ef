import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { parseResponse } from './fuzz-raw-http';

/** What a trickling client saw before the server hung up (or the test gave up). */
export interface TrickleResult {
  /** ms from connect to the server closing the socket; null if it never closed within `giveUpMs`. */
  closedAfterMs: number | null;
  /** Status of whatever answer came back first (0 if none). */
  status: number;
  /** ms from connect to the first answer bytes (null if none). */
  answeredAfterMs: number | null;
  /** Bytes of the request the client managed to write. */
  bytesSent: number;
}

/**
 * Connect, send `head` at once, then one piece from `next()` every `intervalMs` until the
 * server closes the socket, `next()` returns null, or `giveUpMs` passes. Bounded in time.
 */
export function trickle(
  port: number,
  head: Buffer | string,
  next: (i: number) => Buffer | string | null,
  intervalMs: number,
  giveUpMs: number,
): Promise<TrickleResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let answeredAfterMs: number | null = null;
    let bytesSent = 0;
    let i = 0;
    let timer: NodeJS.Timeout | undefined;
    const send = (data: Buffer | string) => {
      if (socket.destroyed || !socket.writable) return;
      bytesSent += Buffer.byteLength(data);
      socket.write(data);
    };
    const done = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({
        closedAfterMs: closed ? Date.now() - started : null,
        status: parseResponse(Buffer.concat(received)).status,
        answeredAfterMs,
        bytesSent,
      });
    };
    const giveUp = setTimeout(() => done(false), giveUpMs);
    socket.on('data', (chunk: Buffer) => {
      answeredAfterMs ??= Date.now() - started;
      received.push(chunk);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(true));
    socket.on('connect', () => {
      send(head);
      timer = setInterval(() => {
        const piece = next(i++);
        if (piece === null) clearInterval(timer);
        else send(piece);
      }, intervalMs);
    });
  });
}

/** Open `count` connections that never send a byte. */
export async function openIdleSockets(port: number, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => undefined);
    socket.resume(); // flowing, so the server's FIN is noticed and the socket closes
    await new Promise<void>((resolve) => {
      socket.once('connect', () => resolve());
      socket.once('error', () => resolve());
    });
    sockets.push(socket);
  }
  return sockets;
}

/** Resolves with how many of `sockets` the server closed within `timeoutMs` (bounded). */
export async function countClosed(sockets: Socket[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && sockets.some((s) => !s.destroyed && !s.readableEnded)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return sockets.filter((s) => s.destroyed || s.readableEnded).length;
}

/** Resident memory of a process from /proc (Linux): current and peak, in MiB. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}
