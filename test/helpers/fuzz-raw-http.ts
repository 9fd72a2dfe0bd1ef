import { connect } from 'node:net';

/** One HTTP exchange as seen on the wire. `status` is 0 when the server closed without answering. */
export interface RawExchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawRequest {
  method: string;
  /** Sent byte for byte: may hold raw unicode, `%2F`, `..`, anything. */
  path: Buffer | string;
  /** Pairs, so a name may repeat and casing is kept. */
  headers: [string, string | Buffer][];
  body?: Buffer;
  /** Send the body as one chunk of `Transfer-Encoding: chunked` instead of `Content-Length`. */
  chunked?: boolean;
}

/**
 * Serialize a request exactly as given. Clients like fetch or supertest normalize paths, merge
 * headers and refuse odd methods; a fuzzer must be able to send what a broken client sends.
 */
export function serializeRequest(req: RawRequest): Buffer {
  const body = req.body ?? Buffer.alloc(0);
  const head: Buffer[] = [
    Buffer.from(`${req.method} `),
    Buffer.from(req.path),
    Buffer.from(' HTTP/1.1\r\n'),
  ];
  const lines: [string, string | Buffer][] = [['Host', '127.0.0.1'], ...req.headers];
  if (req.chunked) lines.push(['Transfer-Encoding', 'chunked']);
  else if (req.method === 'POST' || body.length > 0)
    lines.push(['Content-Length', String(body.length)]);
  lines.push(['Connection', 'close']);
  for (const [name, value] of lines)
    head.push(Buffer.from(`${name}: `), Buffer.from(value), Buffer.from('\r\n'));
  head.push(Buffer.from('\r\n'));
  if (!req.chunked) return Buffer.concat([...head, body]);
  const chunk =
    body.length > 0
      ? [Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]
      : [];
  return Buffer.concat([...head, ...chunk, Buffer.from('0\r\n\r\n')]);
}

/** Send bytes on a fresh connection to 127.0.0.1 and read the answer until the server closes. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 10_000): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(chunks)));
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    // A server that answers early (413) and closes may reset our unfinished write: not a failure.
    socket.on('error', () => undefined);
    socket.write(bytes); // not end(): Node drops a half-closed client before async answers
  });
}

export function parseResponse(raw: Buffer): RawExchange {
  // Skip interim answers (`100 Continue` to `Expect: 100-continue`).
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 13).toString('latin1'))) {
    const interimEnd = raw.indexOf('\r\n\r\n');
    if (interimEnd < 0) break;
    raw = raw.subarray(interimEnd + 4);
  }
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: Buffer.alloc(0) };
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status, headers, body };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
