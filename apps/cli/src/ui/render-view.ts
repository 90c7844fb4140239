import type { ReactNode } from 'react';
import type { CheckListProps } from './check-list.js';
import type { SessionDetailsProps } from './session-details.js';
import type { StatsReportProps } from './stats-report.js';
import type { UserDetailsProps } from './user-details.js';

/** Every static view a command prints, by name, with its props. */
interface Views {
  checkList: CheckListProps;
  sessionDetails: SessionDetailsProps;
  statsReport: StatsReportProps;
  userDetails: UserDetailsProps;
}

type Component<Props> = (props: Props) => ReactNode;

const loaders: { [Name in keyof Views]: () => Promise<Component<Views[Name]>> } = {
  checkList: async () => (await import('./check-list.js')).CheckList,
  sessionDetails: async () => (await import('./session-details.js')).SessionDetails,
  statsReport: async () => (await import('./stats-report.js')).StatsReport,
  userDetails: async () => (await import('./user-details.js')).UserDetails,
};

/**
 * Renders a view to text, loading ink and the component only now. Loading ink takes about half a second, which
 * `--json` and `--ndjson` output (and the first streamed rows of an export) should not pay for.
 */
export async function renderView<Name extends keyof Views>(
  name: Name,
  props: Views[Name],
  columns: number,
): Promise<string> {
  // One import after the other: both pull in ink, and jest's ESM loader fails on two concurrent first loads of one
  // module ("not in cache").
  const { renderStatic } = await import('./render-static.js');
  const component = await loaders[name]();
  return renderStatic(component, props, columns);
}
