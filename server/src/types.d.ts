// Templates are bundled as text by esbuild (see scripts/build.mjs).
declare module '*.md' {
  const text: string;
  export default text;
}
