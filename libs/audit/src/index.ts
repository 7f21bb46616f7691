export * from './audit-log.entity';
export * from './audit.module';
export * from './audit.service';
export * from './audit-query.dto';
export * from './audit-query.service';
export * from './audit-actions';
