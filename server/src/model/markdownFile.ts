/** Which files are Markdown: asked by the index, the CLI, the server and the client's commands alike. */
const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;

/** Whether a file name, path or URI ends in `.md` or `.markdown` (any case). */
export function isMarkdownFile(nameOrUri: string): boolean {
  return MARKDOWN_EXTENSION.test(nameOrUri);
}
