export * from './data-source.options';
export * from './database-url';
export * from './database.module';
export * from './embedded/embedded-postgres';
export * from './entities';
export * from './snake-naming.strategy';
