import { Box, Text } from 'ink';
import { stripControlCharacters } from '../output/sanitise.js';

export interface DetailsProps {
  /** Label and value pairs, printed in order; undefined values are skipped. */
  entries: readonly (readonly [label: string, value: string | number | undefined])[];
  title?: string;
  colour?: boolean;
}

/** A two-column list of labelled values (one record: a session, a user). */
export function Details({ entries, title, colour = false }: DetailsProps) {
  const shown = entries.filter(([, value]) => value !== undefined);
  const labelWidth = shown.reduce((width, [label]) => Math.max(width, label.length), 0) + 2;
  return (
    <Box flexDirection="column">
      {title && <Text bold={colour}>{stripControlCharacters(title)}</Text>}
      {shown.map(([label, value]) => (
        <Box key={label}>
          <Box width={labelWidth} flexShrink={0}>
            <Text dimColor={colour}>{label}</Text>
          </Box>
          <Text>{stripControlCharacters(String(value))}</Text>
        </Box>
      ))}
    </Box>
  );
}
