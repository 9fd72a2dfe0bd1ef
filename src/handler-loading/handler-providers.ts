import type {
  FactoryProvider,
  InjectionToken,
  OptionalFactoryDependency,
  Type,
} from '@nestjs/common';
import {
  OPTIONAL_DEPS_METADATA,
  PARAMTYPES_METADATA,
  SELF_DECLARED_DEPS_METADATA,
} from '@nestjs/common/constants';
import { ConfigError } from '../config/config.loader';
import type { LoadedHandlerClass } from './handler-module';
import { oneLine } from './handler-module';

/** Types that are no service: what TypeScript emits for interfaces, primitives and the like. */
const NOT_INJECTABLE = new Set<unknown>([
  Object,
  String,
  Number,
  Boolean,
  Array,
  Function,
  Symbol,
  BigInt,
  Promise,
]);

/**
 * Nest providers for the loaded handler classes and the plain classes their constructors need.
 * Every constructor parameter is checked here, before Nest starts, so a mistake is one message
 * naming the file and class. Constructors that throw are recorded in `failures` (see
 * ConfiguredHandlersCheck) rather than thrown inside Nest, which would print a stack trace.
 */
export function handlerProviders(
  handlers: readonly LoadedHandlerClass[],
  injectable: ReadonlySet<InjectionToken>,
  failures: string[],
): FactoryProvider[] {
  const providers = new Map<Type<object>, FactoryProvider>();
  const add = (type: Type<object>, file: string, path: readonly Type<object>[]): void => {
    if (providers.has(type)) return;
    const chain = [...path, type].map((t) => t.name || '(anonymous class)').join(' → ');
    const where = `class ${chain} in ${file}`;
    if (path.includes(type)) {
      throw new ConfigError(`Handler ${where}: its constructors depend on each other in a circle.`);
    }
    const inject = constructorTokens(type).map(({ token, optional }, i) => {
      if (injectable.has(token as InjectionToken))
        return { token: token as InjectionToken, optional };
      if (isPlainClass(token)) {
        add(token, file, [...path, type]);
        return { token, optional };
      }
      if (optional) return { token: token as InjectionToken, optional };
      throw new ConfigError(
        `Handler ${where}: constructor parameter ${i + 1} (${describe(token)}) cannot be injected. ${INJECTION_HELP}`,
      );
    });
    providers.set(type, {
      provide: type,
      inject: inject as OptionalFactoryDependency[],
      useFactory: (...deps: unknown[]) => construct(type, deps, where, failures),
    });
  };
  handlers.forEach(({ type, file }) => add(type, file, []));
  return [...providers.values()];
}

const INJECTION_HELP =
  "Use a class type (one of Hookgate's exported services, or a plain class of yours, which the " +
  'gateway creates), compiled with emitDecoratorMetadata and @Injectable(); interfaces and ' +
  'primitive types do not exist at run time (docs/handlers.md, "Handlers from the config").';

interface ParameterToken {
  token: unknown;
  optional: boolean;
}

/** What Nest would inject: `@Inject(token)` wins over the emitted parameter type. */
function constructorTokens(type: Type<object>): ParameterToken[] {
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, type) as unknown[] | undefined) ?? [];
  const declared =
    (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, type) as
      { index: number; param: unknown }[] | undefined) ?? [];
  const optional =
    (Reflect.getMetadata(OPTIONAL_DEPS_METADATA, type) as number[] | undefined) ?? [];
  const count = Math.max(types.length, type.length, ...declared.map((d) => d.index + 1));
  return Array.from({ length: count }, (_, i) => {
    const token = declared.find((d) => d.index === i)?.param ?? types[i];
    return { token: resolveForwardRef(token), optional: optional.includes(i) };
  });
}

function resolveForwardRef(token: unknown): unknown {
  if (token && typeof token === 'object' && 'forwardRef' in token) {
    return (token.forwardRef as () => unknown)();
  }
  return token;
}

function isPlainClass(token: unknown): token is Type<object> {
  return typeof token === 'function' && !NOT_INJECTABLE.has(token);
}

function describe(token: unknown): string {
  if (token === undefined) return 'no type recorded';
  if (token === Object) return 'an interface or object type';
  if (typeof token === 'function') return `type ${token.name}`;
  return `token ${String(token)}`;
}

function construct(type: Type<object>, deps: unknown[], where: string, failures: string[]): object {
  try {
    return new type(...deps);
  } catch (error) {
    failures.push(`Handler ${where}: its constructor threw ${oneLine(error)}`);
    return {}; // no methods, so nothing is registered; start-up stops in ConfiguredHandlersCheck
  }
}
