// Characters JSON.stringify leaves as they are but a terminal interprets: DEL, C1 controls and bidirectional
// overrides. Escaping them keeps the JSON identical once parsed while making it safe to print.
const TERMINAL_UNSAFE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify` whose output is safe to show on a terminal (C0 controls are already escaped by JSON). */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    TERMINAL_UNSAFE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
