import type { DynamicModule, ForwardReference, InjectionToken, Type } from '@nestjs/common';
import { GLOBAL_MODULE_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { HttpAdapterHost, LazyModuleLoader, ModuleRef, Reflector } from '@nestjs/core';

type Importable = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

interface ModuleInfo {
  exports: unknown[];
  global: boolean;
}

/** What Nest itself provides to every module. */
const NEST_CORE: InjectionToken[] = [ModuleRef, Reflector, HttpAdapterHost, LazyModuleLoader];

/**
 * The tokens a provider of a module importing `imports` can inject: what those modules export
 * (re-exported modules expanded), what global modules anywhere below them export, and Nest's
 * core services. Read from the module definitions, before Nest builds anything.
 */
export function injectableTokens(imports: readonly Importable[]): Set<InjectionToken> {
  const modules = new Map<unknown, ModuleInfo>();
  const visited = new Set<unknown>();
  const collect = (item: Importable): void => {
    if (!item || visited.has(item) || item instanceof Promise || 'forwardRef' in item) return;
    visited.add(item);
    const type = 'module' in item ? item.module : item;
    const dynamic = 'module' in item ? item : undefined;
    const info = modules.get(type) ?? { exports: [], global: false };
    info.exports.push(...metadataList(type, MODULE_METADATA.EXPORTS), ...(dynamic?.exports ?? []));
    info.global ||= Boolean(Reflect.getMetadata(GLOBAL_MODULE_METADATA, type) || dynamic?.global);
    modules.set(type, info);
    const children = [...metadataList(type, MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])];
    children.forEach((child) => collect(child as Importable));
  };
  imports.forEach(collect);

  const tokens = new Set<InjectionToken>(NEST_CORE);
  const expanded = new Set<ModuleInfo>();
  const expand = (info: ModuleInfo | undefined): void => {
    if (!info || expanded.has(info)) return;
    expanded.add(info);
    for (const exported of info.exports) {
      const module = moduleOf(exported);
      if (module !== undefined && modules.has(module)) expand(modules.get(module));
      else tokens.add(tokenOf(exported));
    }
  };
  imports.forEach((item) => expand(modules.get(moduleOf(item))));
  for (const info of modules.values()) if (info.global) expand(info);
  return tokens;
}

function metadataList(type: unknown, key: string): unknown[] {
  return (Reflect.getMetadata(key, type as object) as unknown[] | undefined) ?? [];
}

function moduleOf(exported: unknown): unknown {
  if (exported && typeof exported === 'object' && 'module' in exported) return exported.module;
  return typeof exported === 'function' ? exported : undefined;
}

function tokenOf(exported: unknown): InjectionToken {
  if (exported && typeof exported === 'object' && 'provide' in exported) {
    return exported.provide as InjectionToken;
  }
  return exported as InjectionToken;
}
