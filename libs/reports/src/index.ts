export * from './district-view';
export * from './progress-chart';
export * from './quarterly-report.service';
export * from './render-csv';
export * from './render-pdf';
export * from './render-xlsx';
export * from './report-format';
export * from './reports.module';
