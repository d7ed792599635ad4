import type { Tx } from '../../kernel/db/connect.js';

/**
 * Official document numbers (文号) such as 下安整〔2026〕第0012号 (整改通知书) or 下调协〔2026〕第0003号 (调解协议书):
 * gapless per district, kind and year. The counter row is bumped inside the issuing transaction, so a rolled-back
 * issue gives its number back and concurrent issues queue on the row lock. Mediation issues its agreements here too.
 */
export async function nextDocumentNumber(trx: Tx, districtId: string, kind: 'rectification' | 'mediation', year: number, word: string): Promise<string> {
  await trx.insertInto('documentCounters').values({ districtId, kind, year, last: 0 })
    .onConflict((oc) => oc.columns(['districtId', 'kind', 'year']).doNothing()).execute();
  const row = await trx.updateTable('documentCounters').set((eb) => ({ last: eb('last', '+', 1) }))
    .where('districtId', '=', districtId).where('kind', '=', kind).where('year', '=', year)
    .returning('last').executeTakeFirstOrThrow();
  const district = await trx.selectFrom('units').select('name').where('id', '=', districtId).executeTakeFirst();
  // The district's first character opens its numbers: 下城区 → 下.
  return `${(district?.name ?? '区').slice(0, 1)}${word}〔${year}〕第${String(row.last).padStart(4, '0')}号`;
}
