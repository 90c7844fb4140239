import { useInput } from 'ink';
import type { DashboardSnapshot } from '../services/dashboard.service.js';
import { TopDashboard } from './top-dashboard.js';

export interface TopAppProps {
  snapshot: DashboardSnapshot | null;
  redis: string;
  colour: boolean;
  /** False when stdin is not a terminal: no key handling (Ctrl-C still stops the command). */
  keyboard: boolean;
  onQuit: () => void;
}

/** The live `top` screen: the dashboard plus `q` (or Esc) to quit. */
export function TopApp({ snapshot, redis, colour, keyboard, onQuit }: TopAppProps) {
  useInput(
    (input, key) => {
      if (input === 'q' || key.escape) onQuit();
    },
    { isActive: keyboard },
  );
  const footer = keyboard ? 'q quits' : 'Ctrl-C quits';
  return <TopDashboard snapshot={snapshot} redis={redis} colour={colour} footer={footer} />;
}
