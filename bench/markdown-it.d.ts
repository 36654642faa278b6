// markdown-it ships no types; the benchmark needs only the tokenizer.
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(presetName?: string, options?: Record<string, unknown>);
    parse(src: string, env: object): { type: string }[];
  }
}
