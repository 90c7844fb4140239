import { Box, Text } from 'ink';
import { formatCount } from '../output/format.js';
import type { HistogramBucket } from '../services/duration-histogram.js';

export interface HistogramProps {
  title: string;
  buckets: readonly HistogramBucket[];
  /** Width of the longest bar in characters. Default 30. */
  barWidth?: number;
}

/** A small horizontal bar chart; a non-empty bucket always shows at least one block. */
export function Histogram({ title, buckets, barWidth = 30 }: HistogramProps) {
  const largest = buckets.reduce((max, bucket) => Math.max(max, bucket.count), 0);
  const labelWidth = buckets.reduce((width, bucket) => Math.max(width, bucket.label.length), 0) + 2;
  const countWidth = buckets.reduce((width, bucket) => Math.max(width, formatCount(bucket.count).length), 0) + 2;
  return (
    <Box flexDirection="column">
      <Text>{title}</Text>
      {buckets.map((bucket) => {
        const length =
          largest === 0 ? 0 : Math.max(bucket.count > 0 ? 1 : 0, Math.round((bucket.count / largest) * barWidth));
        return (
          <Box key={bucket.label}>
            <Box width={labelWidth} flexShrink={0} marginLeft={2}>
              <Text>{bucket.label}</Text>
            </Box>
            <Box width={countWidth} flexShrink={0}>
              <Text>{formatCount(bucket.count).padStart(countWidth - 2)}</Text>
            </Box>
            <Text>{'█'.repeat(length)}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
