/**
 * `make`, kept per argument object: the first call for an object computes, later calls return the same value.
 * Kept weakly, so values go with their objects (a model of one build).
 */
export function madeOncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
