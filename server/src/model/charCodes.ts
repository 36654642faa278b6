/** Character codes the line readers (the index scanner, the block splitter) test a line's first character against. */
export const SPACE = 0x20;
export const TAB = 0x09;
export const NEWLINE = 0x0a;
export const HASH = 0x23;
export const BACKTICK = 0x60;
export const TILDE = 0x7e;
export const LESS_THAN = 0x3c;
export const STAR = 0x2a;
export const DASH = 0x2d;
export const PLUS = 0x2b;
export const EQUALS = 0x3d;
export const UNDERSCORE = 0x5f;
