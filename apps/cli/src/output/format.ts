/** An ISO instant as `YYYY-MM-DD HH:MM:SS` (UTC), the width tables reserve for it. */
export function formatInstant(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

/** A duration as its two largest units: `3d 4h`, `12m 5s`, `850ms`. Negative durations read as `0s`. */
export function formatDuration(ms: number): string {
  if (ms < 0) return '0s';
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const whole = Math.floor(rest / size);
    if (whole > 0 || parts.length > 0) parts.push(`${whole}${unit}`);
    rest -= whole * size;
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0')).join(' ') || '0s';
}

/** A whole number with thousands separators (`12,345`), fixed to English so output is stable. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Bytes in the largest fitting binary unit (`1.5 MiB`). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1_024 && unit < units.length - 1) {
    value /= 1_024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
