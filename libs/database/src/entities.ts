import { AuditLogEntity } from '@app/audit/audit-log.entity';
import { UserEntity } from '@app/auth/entities/user.entity';
import { SavedViewEntity } from '@app/auth/saved-views/saved-view.entity';
import { ChainMembershipEntity } from '@app/cultivation/entities/chain-membership.entity';
import { CommunityMemberEntity } from '@app/cultivation/entities/community-member.entity';
import { CommunityEntity } from '@app/cultivation/entities/community.entity';
import { DesignationEventEntity } from '@app/cultivation/entities/designation-event.entity';
import { DesignationEntity } from '@app/cultivation/entities/designation.entity';
import { QuotaLineSplitEntity } from '@app/quotas/entities/quota-line-split.entity';
import { QuotaLineEntity } from '@app/quotas/entities/quota-line.entity';
import { QuotaManualReportEntity } from '@app/quotas/entities/quota-manual-report.entity';
import { QuotaPlanEntity } from '@app/quotas/entities/quota-plan.entity';
import { QuotaSnapshotEntity } from '@app/quotas/entities/quota-snapshot.entity';
import { ChainSegmentEntity } from '@app/reference/entities/chain-segment.entity';
import { ChainEntity } from '@app/reference/entities/chain.entity';
import { DistrictEntity } from '@app/reference/entities/district.entity';
import { IndustryEntity } from '@app/reference/entities/industry.entity';
import { EnterpriseFigureEntity } from '@app/registry/entities/enterprise-figure.entity';
import { EnterpriseEntity } from '@app/registry/entities/enterprise.entity';
import { ChangeRequestEntity } from '@app/registry/change-requests/change-request.entity';

/** Every entity of the schema, listed once for Nest, the CLI and the migration tool. */
export const ENTITIES = [
  AuditLogEntity,
  UserEntity,
  DistrictEntity,
  IndustryEntity,
  ChainEntity,
  ChainSegmentEntity,
  EnterpriseEntity,
  EnterpriseFigureEntity,
  DesignationEntity,
  DesignationEventEntity,
  ChainMembershipEntity,
  CommunityEntity,
  CommunityMemberEntity,
  ChangeRequestEntity,
  QuotaPlanEntity,
  QuotaLineEntity,
  QuotaLineSplitEntity,
  QuotaManualReportEntity,
  QuotaSnapshotEntity,
  SavedViewEntity,
];
