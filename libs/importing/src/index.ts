export * from './dto/export-query.dto';
export * from './dto/import-report.dto';
export * from './export/export.service';
export * from './import-kind';
export * from './import.service';
export * from './importing.module';
export * from './template.service';
export * from './demo/city-generator';
