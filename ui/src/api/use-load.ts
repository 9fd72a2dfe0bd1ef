import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  /** Load again, keeping what is shown until the answer arrives. */
  reload: () => void;
}

/**
 * Load `load()` now and whenever `key` changes. Only the answer to the latest request is kept,
 * so a slow old answer never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const sequence = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    setLoading(true);
    latestLoad.current().then(
      (value) => {
        if (mine !== sequence.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: Error) => {
        if (mine !== sequence.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    setData(null);
    reload();
  }, [key, reload]);

  return { data, error, loading, reload };
}
