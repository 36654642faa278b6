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
    // A copy: the text is usually cut from a whole version of a document, which it would otherwise keep alive.
    remembered.set(detached(text), value);
    return value;
  };
}

/**
 * A copy of a string cut from a larger text. V8 keeps a substring (of 13 characters or more) as a view of the
 * whole text: a few kept headings or timeline entries would hold every version of a document, or every file read.
 */
export function detached(text: string): string;
export function detached(text: string | undefined): string | undefined;
export function detached(text: string | undefined): string | undefined {
  return text === undefined || text.length < 13 ? text : (' ' + text).slice(1);
}
