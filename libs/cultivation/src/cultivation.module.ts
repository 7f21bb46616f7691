import { Module } from '@nestjs/common';

import { RegistryModule } from '@app/registry';

import { CarrierService } from './carriers/carrier.service';
import { RecognitionTypeService } from './catalogue/recognition-type.service';
import { ChainMembershipService } from './chains/chain-membership.service';
import { ChainSegmentService } from './chains/chain-segment.service';
import { ChainSummaryService } from './chains/chain-summary.service';
import { ChainService } from './chains/chain.service';
import { CommunityMemberService } from './communities/community-member.service';
import { CommunityService } from './communities/community.service';
import { DesignationExpiryService } from './designations/designation-expiry.service';
import { DesignationQueryService } from './designations/designation-query.service';
import { DesignationService } from './designations/designation.service';
import { ScaleTierService } from './scale-tiers/scale-tier.service';

const SERVICES = [
  DesignationService,
  DesignationQueryService,
  DesignationExpiryService,
  ScaleTierService,
  ChainService,
  ChainSegmentService,
  ChainMembershipService,
  ChainSummaryService,
  CommunityService,
  CommunityMemberService,
  RecognitionTypeService,
  CarrierService,
];

@Module({ imports: [RegistryModule], providers: SERVICES, exports: SERVICES })
export class CultivationModule {}
