/**
 * The colour of an average against its statutory limit in the district report (the report gives no light of its
 * own): green under 80%, amber from 80%, red past the limit — the rule the server applies to each item.
 */
export function averageLight(avg: number | null, limit: number): 'none' | 'green' | 'yellow' | 'red' {
  if (avg === null) return 'none';
  if (avg > limit) return 'red';
  return avg >= limit * 0.8 ? 'yellow' : 'green';
}
