export * from './entities/chain-membership.entity';
export * from './entities/community-member.entity';
export * from './entities/community.entity';
export * from './entities/designation-enums';
export * from './entities/designation-event.entity';
export * from './entities/designation.entity';
