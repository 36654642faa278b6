import type { Rule } from './rule';
import { missingSection } from './missingSection';
import { sectionOrder } from './sectionOrder';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { metadata } from './metadata';
import { frontMatter } from './frontMatter';
import { sectionTitle } from './sectionTitle';

/** Every rule, in the order their findings are listed. */
export const ALL_RULES: readonly Rule[] = [frontMatter, metadata, missingSection, sectionOrder, duplicateSection, emptySection, sectionTitle];

export type { Rule, Finding, Severity, RuleContext } from './rule';
