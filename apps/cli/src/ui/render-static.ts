import { renderToString } from 'ink';
import { createElement, type ReactNode } from 'react';

/**
 * Renders a component once to text (no live terminal), trimmed of trailing spaces on each line. Taking the component
 * and its props keeps JSX out of the command files.
 */
export function renderStatic<Props extends object>(
  component: (props: Props) => ReactNode,
  props: Props,
  columns: number,
): string {
  return renderToString(createElement(component, props), { columns })
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
