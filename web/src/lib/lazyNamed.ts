import { type ComponentType, lazy, useState } from "react";

/**
 * A component of a module fetched when first rendered (React.lazy wants a default export; the app's
 * modules export by name). Pages and dialogs opened only on demand load this way, so a page sent
 * cold carries only what it shows (issue 11, part 8).
 */
export function lazyNamed<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * True from the first time `open` is true: a lazily loaded dialog mounts then and stays mounted,
 * so closing it keeps antd's closing animation and reopening it costs nothing.
 */
export function useMountedOnceOpen(open: boolean): boolean {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  return mounted || open;
}
