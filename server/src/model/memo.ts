/** What a remembered `undefined` is kept as, so that a miss is told from a remembered nothing in one look-up. */
const NOTHING: unique symbol = Symbol('nothing');

/** Every table `rememberedByText` keeps, so that they can all be emptied at once. */
const tables: Map<string, unknown>[] = [];

/** Forgets every remembered result: the benchmark times the rules' full work, not look-ups of an earlier round's. */
export function forgetRememberedTexts(): void {
  for (const table of tables) table.clear();
}

/**
 * Results computed from short texts, remembered by the text: a report's timeline entries are read again on every
 * keystroke elsewhere in it. Bounded: when full, it starts over (cheap, and no text is held for long).
 */
export function rememberedByText<T>(compute: (text: string) => T, maxEntries = 50_000, maxLength = 400): (text: string) => T {
  // One look-up for every text known (a text is hashed anew each time: it is cut from a new version); most
  // headings asked about are no discipline, so `undefined` is remembered too.
  const remembered = new Map<string, T | typeof NOTHING>();
  tables.push(remembered);
  return (text) => {
    if (text.length > maxLength) return compute(text);
    const known = remembered.get(text);
    if (known !== undefined) return known === NOTHING ? (undefined as T) : known;
    const value = compute(text);
    if (remembered.size >= maxEntries) remembered.clear();
    // A copy: the text is usually cut from a whole version of a document, which it would otherwise keep alive.
    remembered.set(detached(text), value === undefined ? NOTHING : value);
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
