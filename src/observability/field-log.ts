import { ConsoleLogger, type Logger } from '@nestjs/common';

/** Fields of a log line; objects (an `err`) go to structured loggers only. */
export type LogFields = Record<string, unknown>;

type Level = 'log' | 'warn' | 'error';

/**
 * One log line with fields. A structured logger (the gateway's nestjs-pino) takes the fields as
 * properties of its JSON line. Nest's console logger, what a host app has by default, would
 * print the object over several lines and take the message for the context, so it gets one
 * line: the message, then the fields as `key=value`.
 */
export function logWithFields<L extends Level>(
  logger: Pick<Logger, L> & { readonly localInstance?: unknown },
  level: L,
  fields: LogFields,
  message: string,
): void {
  const write = logger[level] as (message: unknown, ...rest: unknown[]) => void;
  if (logger.localInstance instanceof ConsoleLogger) {
    write.call(logger, `${message} ${formatFields(fields)}`.trimEnd());
  } else {
    write.call(logger, fields, message);
  }
}

/** `deliveryId=… outcome=accepted`: strings quoted only when they hold spaces, quotes or `=`. */
export function formatFields(fields: LogFields): string {
  return Object.entries(fields)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => {
      const text = String(value);
      return `${key}=${typeof value === 'string' && /[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
    })
    .join(' ');
}
