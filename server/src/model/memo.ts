/**
 * Results computed from short texts, remembered by the text: a report's timeline entries are read again on every
 * keystroke elsewhere in it. Bounded: when full, it starts over (cheap, and no text is held for long).
 */
export function rememberedByText<T>(compute: (text: string) => T, maxEntries = 50_000, maxLength = 400): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return compute(text);
    // One look-up for a remembered value (a text is hashed anew each time: it is cut from a new version).
    const known = remembered.get(text);
    if (known !== undefined || remembered.has(text)) return known as T;
    const value = compute(text);
    if (remembered.size >= maxEntries) remembered.clear();
    remembered.set(text, value);
    return value;
  };
}
