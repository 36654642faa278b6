import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMarkdownFile } from '../../server/src/model/markdownFile';

test('.md and .markdown files in any case are Markdown, whether named by name, path or URI', () => {
  for (const name of ['0001-pump.md', 'README.MD', 'docs/notes.markdown', 'file:///w/docs/8d/0002-x.Markdown']) assert.equal(isMarkdownFile(name), true, name);
});

test('other extensions, and names merely containing .md, are not', () => {
  for (const name of ['notes.txt', 'file.md.bak', 'file.mdx', 'docs.md/image.png', 'md', 'file:///w/a.mkd']) assert.equal(isMarkdownFile(name), false, name);
});
