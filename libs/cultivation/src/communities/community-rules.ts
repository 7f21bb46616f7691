import { EntityManager } from 'typeorm';

import { AppException, COMMUNITY_STATUS_LABELS, CommunityStatus, ErrorCode, HOLDING_STATUSES } from '@app/core';

import { effectiveStatusSql } from '../designations/designation-sql';

const C = CommunityStatus;

/** PLANNED → FORMED | DISSOLVED, FORMED → DISSOLVED; DISSOLVED is final. */
export const COMMUNITY_TRANSITIONS: Record<CommunityStatus, readonly CommunityStatus[]> = {
  [C.PLANNED]: [C.FORMED, C.DISSOLVED],
  [C.FORMED]: [C.DISSOLVED],
  [C.DISSOLVED]: [],
};

export function checkCommunityTransition(from: CommunityStatus, to: CommunityStatus): void {
  if (from === to || COMMUNITY_TRANSITIONS[from].includes(to)) return;
  const allowed = COMMUNITY_TRANSITIONS[from];
  throw AppException.conflict(
    ErrorCode.ILLEGAL_TRANSITION,
    `共同体不能从“${COMMUNITY_STATUS_LABELS[from]}”变为“${COMMUNITY_STATUS_LABELS[to]}”,可选:${allowed.map((s) => COMMUNITY_STATUS_LABELS[s]).join('、') || '无'} (illegal transition ${from} → ${to})`,
    { from, to, allowed },
  );
}

/** The lead must hold (RECOGNISED / UNDER_REVIEW, not lapsed) a 链主 designation on the community's chain. */
export async function assertChainLeader(manager: EntityManager, enterpriseId: string, chainId: string, today: string): Promise<void> {
  const found = await manager
    .createQueryBuilder()
    .select('1')
    .from('designation', 'd')
    .where(`d.enterprise_id = :enterpriseId AND d.chain_id = :chainId AND d.type = 'CHAIN_LEADER'`, { enterpriseId, chainId })
    .andWhere(`${effectiveStatusSql('d')} IN (:...holding)`, { holding: [...HOLDING_STATUSES], today })
    .getRawOne();
  if (!found) {
    throw AppException.conflict(
      ErrorCode.LEAD_NOT_CHAIN_LEADER,
      '牵头企业须是该产业链在认定有效期内的链主,请先登记其链主认定 (the lead enterprise must hold a live CHAIN_LEADER designation on this chain)',
      { enterpriseId, chainId },
    );
  }
}
