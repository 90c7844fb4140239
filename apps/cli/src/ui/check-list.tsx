import { Box, Text } from 'ink';
import type { DoctorCheck } from '../services/doctor.service.js';

const MARKS = { ok: '✓', warn: '!', fail: '✗' } as const;
const COLOURS = { ok: 'green', warn: 'yellow', fail: 'red' } as const;

export interface CheckListProps {
  checks: readonly DoctorCheck[];
  colour?: boolean;
}

/** `doctor`'s findings: one line per check with its mark, and the next step under anything not ok. */
export function CheckList({ checks, colour = false }: CheckListProps) {
  const nameWidth = checks.reduce((width, check) => Math.max(width, check.name.length), 0) + 2;
  return (
    <Box flexDirection="column">
      {checks.map((check, index) => (
        <Box key={index} flexDirection="column">
          <Box>
            <Box width={2} flexShrink={0}>
              <Text color={colour ? COLOURS[check.status] : undefined}>{MARKS[check.status]}</Text>
            </Box>
            <Box width={nameWidth} flexShrink={0}>
              <Text>{check.name}</Text>
            </Box>
            <Text>{check.message}</Text>
          </Box>
          {check.hint && check.status !== 'ok' && (
            <Box marginLeft={2 + nameWidth}>
              <Text dimColor={colour}>→ {check.hint}</Text>
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
