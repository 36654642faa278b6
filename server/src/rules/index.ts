import type { Rule } from './rule';
import { missingSection } from './missingSection';
import { sectionOrder } from './sectionOrder';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { metadata } from './metadata';
import { frontMatter } from './frontMatter';
import { sectionTitle } from './sectionTitle';
import { pseudoHeading } from './pseudoHeading';
import { timelineOrder } from './timelineOrder';
import { durationMismatch } from './durationMismatch';
import { timelineTimezone } from './timelineTimezone';
import { timelineUnparsed } from './timelineUnparsed';
import { brokenLink } from './brokenLink';
import { missingBacklink } from './missingBacklink';
import { linkLabel } from './linkLabel';
import { supersededStatus } from './supersededStatus';
import { documentSize } from './documentSize';
import { blankTemplate } from './blankTemplate';

/** Every rule, in the order their findings are listed. */
export const ALL_RULES: readonly Rule[] = [blankTemplate, frontMatter, metadata, missingSection, sectionOrder, duplicateSection, emptySection, sectionTitle, pseudoHeading,
  timelineOrder, durationMismatch, timelineTimezone, timelineUnparsed,
  brokenLink, missingBacklink, linkLabel, supersededStatus, documentSize];

export type { Rule, Finding, Severity, RuleContext } from './rule';
