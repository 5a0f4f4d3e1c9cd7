/**
 * `make`, kept per argument object: the first call for an object computes, later calls return the same value.
 * Kept weakly, so values go with their objects (a model of one build).
 */
export function madeOncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    // One lookup for the common case (made before); `has` only tells an undefined value from a miss.
    const known = made.get(key);
    if (known !== undefined || made.has(key)) return known as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
