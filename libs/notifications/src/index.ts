export * from './dto/notification.dto';
export * from './entities/notification.entity';
export * from './notification-job.service';
export * from './notification-kind';
export * from './notification-sources';
export * from './notifications.module';
export * from './notifications.service';
