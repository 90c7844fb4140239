import { afterEach, describe, expect, it } from '@jest/globals';
import type { AuditEntry } from '@sessionops/audit';
import { cleanup, render } from 'ink-testing-library';
import type { DashboardSnapshot } from '../src/services/dashboard.service.js';
import { CheckList } from '../src/ui/check-list.js';
import { Histogram } from '../src/ui/histogram.js';
import { Table } from '../src/ui/table.js';
import { TopApp } from '../src/ui/top-app.js';
import { TopDashboard } from '../src/ui/top-dashboard.js';

const SESSION_ID = 'AAAAAAAAAAAAAAAA' + 'Zk3q9xWm' + 'a'.repeat(14);

function snapshot(overrides: Partial<DashboardSnapshot> = {}): DashboardSnapshot {
  const rates = { created: 12.5, refreshed: 40, revoked: 1, reuseDetected: 0, evicted: 0.5 };
  const event: AuditEntry = {
    id: '1-0',
    type: 'revoked',
    at: Date.UTC(2030, 0, 1, 8, 0, 0),
    sessionId: SESSION_ID,
    userId: 'user-7',
    reason: 'operator',
    actor: { kind: 'operator', id: 'ops', host: 'bastion' },
  };
  return {
    at: Date.UTC(2030, 0, 1, 8, 0, 5),
    liveSessions: { count: 123_456, ageMs: 12_000 },
    topUsers: [{ userId: 'user-7', sessions: 10 }],
    lastMinute: rates,
    last15Minutes: { ...rates, created: 9 },
    latestEvents: [event],
    ...overrides,
  };
}

afterEach(() => cleanup());

describe(Table.name, () => {
  const columns = [
    { header: 'NAME', width: 6, cell: (row: { name: string; n: number }) => row.name },
    { header: 'N', width: 3, cell: (row: { name: string; n: number }) => String(row.n), align: 'right' as const },
  ];

  it('lines up cells under fixed-width headers and cuts long cells with an ellipsis', () => {
    const { lastFrame } = render(
      <Table
        columns={columns}
        rows={[
          { name: 'averylongname', n: 7 },
          { name: 'ok', n: 42 },
        ]}
      />,
    );

    expect(
      lastFrame()
        ?.split('\n')
        .map((line) => line.trimEnd()),
    ).toEqual(['NAME      N', 'avery…    7', 'ok       42']);
  });

  it('replaces control characters in cells', () => {
    const { lastFrame } = render(<Table columns={columns} rows={[{ name: 'a\u001b[2Jb', n: 1 }]} header={false} />);

    expect(lastFrame()).toContain('a\uFFFD[2Jb');
    expect(lastFrame()).not.toContain('\u001b[2J');
  });
});

describe(CheckList.name, () => {
  it('marks each check and gives the next step under warnings and failures only', () => {
    const { lastFrame } = render(
      <CheckList
        checks={[
          { name: 'redis version', status: 'ok', message: '7.2.4', hint: 'never shown' },
          { name: 'persistence', status: 'warn', message: 'off', hint: 'turn AOF on' },
          { name: 'reachable', status: 'fail', message: 'no answer', hint: 'start Redis' },
        ]}
      />,
    );

    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/✓ redis version\s+7\.2\.4/);
    expect(frame).toMatch(/! persistence\s+off\n\s+→ turn AOF on/);
    expect(frame).toMatch(/✗ reachable\s+no answer\n\s+→ start Redis/);
    expect(frame).not.toContain('never shown');
  });
});

describe(Histogram.name, () => {
  it('scales bars to the largest bucket and shows at least one block for a small non-empty bucket', () => {
    const { lastFrame } = render(
      <Histogram
        title="age"
        barWidth={10}
        buckets={[
          { label: 'a', count: 1_000 },
          { label: 'b', count: 1 },
          { label: 'c', count: 0 },
        ]}
      />,
    );

    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[1]).toMatch(/a\s+1,000\s+█{10}$/);
    expect(lines[2]).toMatch(/b\s+1\s+█$/);
    expect(lines[3]).toMatch(/c\s+0$/);
  });
});

describe(TopDashboard.name, () => {
  it('shows live sessions with the age of the count, rates, top users and the newest events', () => {
    const { lastFrame } = render(<TopDashboard snapshot={snapshot()} redis="redis://127.0.0.1:6379" />);

    const frame = lastFrame() ?? '';
    expect(frame).toContain('live sessions: 123,456 (counted 12s ago)');
    expect(frame).toMatch(/created\s+12\.5\s+9\.0/);
    expect(frame).toMatch(/refreshed\s+40\.0\s+40\.0/);
    expect(frame).toMatch(/10 user-7/);
    expect(frame).toMatch(/revoked\s+Zk3q9xWm…\s+user-7\s+operator\s+operator ops@bastion/);
    expect(frame).not.toContain(SESSION_ID);
  });

  it('says the count is running before the first census', () => {
    const { lastFrame } = render(<TopDashboard snapshot={snapshot({ liveSessions: null, topUsers: [] })} redis="r" />);

    expect(lastFrame()).toContain('live sessions: counting…');
  });
});

describe(TopApp.name, () => {
  it('quits on q', () => {
    let quits = 0;
    const { stdin, lastFrame } = render(
      <TopApp snapshot={snapshot()} redis="r" colour={false} keyboard onQuit={() => (quits += 1)} />,
    );

    stdin.write('x');
    expect(quits).toBe(0);
    stdin.write('q');

    expect(quits).toBe(1);
    expect(lastFrame()).toContain('q quits');
  });
});
