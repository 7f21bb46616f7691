export * from './seed-files';
export * from './seed.service';
export * from './seeding.module';
