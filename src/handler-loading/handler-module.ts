import type { Type } from '@nestjs/common';
import { MetadataScanner } from '@nestjs/core';
import { ConfigError } from '../config/config.loader';
import { ON_WEBHOOK } from '../dispatch/on-webhook.decorator';

/** A class a handler module exports that has `@OnWebhook` methods. */
export interface LoadedHandlerClass {
  type: Type<object>;
  /** The module it came from (absolute path), for error messages. */
  file: string;
}

const scanner = new MetadataScanner();

/**
 * Require one handler module and return its exported handler classes. Other exports (helpers,
 * constants, classes without `@OnWebhook`) are left alone.
 */
export function loadHandlerModule(file: string): LoadedHandlerClass[] {
  let exported: unknown;
  try {
    // Loading modules by a path known only at run time is the point here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(file);
  } catch (error) {
    throw new ConfigError(
      `Cannot load the handler module ${file}${lineOf(error, file)}: ${oneLine(error)}. Fix the module, or remove it from "handlers".`,
    );
  }
  return exportedClasses(exported)
    .filter(hasWebhookMethods)
    .map((type) => ({ type, file }));
}

/** The module itself when it is a class, and every class among its exports, once each. */
function exportedClasses(exported: unknown): Type<object>[] {
  const candidates =
    typeof exported === 'function'
      ? [exported, ...Object.values(exported)]
      : exported !== null && typeof exported === 'object'
        ? Object.values(exported)
        : [];
  return [...new Set(candidates.filter(isClass))];
}

function isClass(value: unknown): value is Type<object> {
  return typeof value === 'function' && typeof value.prototype === 'object';
}

function hasWebhookMethods(type: Type<object>): boolean {
  return webhookMethods(type).length > 0;
}

/** The class's `@OnWebhook` methods (its own and inherited), by name. */
export function webhookMethods(type: Type<object>): [string, object][] {
  const prototype = type.prototype as Record<string, object>;
  return scanner
    .getAllMethodNames(prototype)
    .map((name): [string, object] => [name, prototype[name]])
    .filter(([, method]) => Reflect.getMetadata(ON_WEBHOOK, method) !== undefined);
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Node puts a syntax error's position in the stack's first line (`file:line`), not the message. */
function lineOf(error: unknown, file: string): string {
  const first = error instanceof Error ? (error.stack ?? '').split('\n', 1)[0] : '';
  const match = first.startsWith(`${file}:`) ? /:(\d+)$/.exec(first) : null;
  return match ? ` (line ${match[1]})` : '';
}
