/** The package's name, version and home page, written into the bundle from package.json by the build (scripts/build.mjs). */
import type { ToolInfo } from './formats';

interface PackageInfo {
  name: string;
  version: string;
  homepage?: string;
}

// Replaced by esbuild's `define`; absent when the sources run unbundled (type-checking).
declare const INCIDENT_DOCS_PACKAGE: PackageInfo | undefined;

export const PACKAGE: PackageInfo = typeof INCIDENT_DOCS_PACKAGE === 'undefined' ? { name: 'incident-docs', version: '0.0.0-unbundled' } : INCIDENT_DOCS_PACKAGE;

/**
 * The tool as SARIF names it. The rules' pages are read from the published package on unpkg (they ship in it), so a
 * code-scanning alert's "learn more" opens the page of the version that raised it.
 */
export const TOOL: ToolInfo = {
  name: PACKAGE.name,
  version: PACKAGE.version,
  informationUri: PACKAGE.homepage ?? `https://www.npmjs.com/package/${PACKAGE.name}`,
  rulesUri: `https://unpkg.com/${PACKAGE.name}@${PACKAGE.version}/docs/rules`,
};
