import type { disputePartyKinds } from '@liaison/contracts';

export interface PartyValue {
  id?: string;
  kind: (typeof disputePartyKinds)[number];
  name: string;
  phone?: string | null;
  /** The masked number the server showed (editing keeps it unless a new one is typed). */
  maskedPhone?: string | null;
  address?: string | null;
  representative?: string | null;
}

/**
 * Form values → the API's party list. A blank phone keeps the stored number when the caller only saw it masked
 * (the API keeps what is omitted); otherwise blank means no number.
 */
export interface PartyBody {
  id?: string;
  kind: PartyValue['kind'];
  name: string;
  /** Left out: keep the stored number. */
  phone?: string | null;
  address: string | null;
  representative: string | null;
}

export function partiesBody(parties: PartyValue[], editing: boolean): PartyBody[] {
  return parties.map((p): PartyBody => {
    const phone = p.phone?.trim();
    return {
      ...(p.id ? { id: p.id } : {}),
      kind: p.kind, name: p.name.trim(),
      ...(phone ? { phone } : editing && p.id && p.maskedPhone ? {} : { phone: null }),
      address: p.address?.trim() || null,
      representative: p.kind === 'enterprise' ? p.representative?.trim() || null : null,
    };
  });
}
