export * from './dto/reference.dto';
export * from './entities/chain-segment.entity';
export * from './entities/chain.entity';
export * from './entities/district.entity';
export * from './entities/industry.entity';
export * from './entities/recognition-type.entity';
export * from './reference.module';
export * from './reference.service';
