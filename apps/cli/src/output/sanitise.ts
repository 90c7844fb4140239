// C0 controls (tab and newline included: a table cell is one line), DEL, C1 controls, and the bidirectional
// overrides that can make text read differently from what it is ("Trojan source"). Removing ESC is enough to defuse
// an ANSI sequence: what remains is visible, harmless text.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that came from users (user agents, reasons, display names) made safe for a terminal: control characters
 * become U+FFFD so tampering stays visible instead of moving the cursor, recolouring or rewriting earlier lines.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '\uFFFD');
}

/** Like `stripControlCharacters`, then shortened to `maxLength` characters with an ellipsis. */
export function safeCell(text: string, maxLength: number): string {
  const clean = stripControlCharacters(text);
  return clean.length > maxLength ? `${clean.slice(0, Math.max(0, maxLength - 1))}…` : clean;
}
