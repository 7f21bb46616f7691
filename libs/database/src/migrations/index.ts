import { Init1795715837212 } from './1795715837212-Init';
import { Cultivation1795717711859 } from './1795717711859-Cultivation';
import { QuotaPlans1795718035168 } from './1795718035168-QuotaPlans';
import { ChangeRequests1795718055499 } from './1795718055499-ChangeRequests';
import { AuditAppendOnly1795718055500 } from './1795718055500-AuditAppendOnly';
import { LiveDesignationRules1795720000000 } from './1795720000000-LiveDesignationRules';
import { TokenVersion1796100473435 } from './1796100473435-TokenVersion';
import { DatedHistory1796100549770 } from './1796100549770-DatedHistory';
import { BackfillDatedHistory1796100549771 } from './1796100549771-BackfillDatedHistory';
import { Notifications1796101847200 } from './1796101847200-Notifications';
import { SavedViews1796102086135 } from './1796102086135-SavedViews';
import { LiveEnterpriseListIndex1796104878212 } from './1796104878212-LiveEnterpriseListIndex';
import { TaxPerMu1796110000000 } from './1796110000000-TaxPerMu';
import { BackfillTaxPerMu1796110000001 } from './1796110000001-BackfillTaxPerMu';
import { RecognitionCatalogue1796116432583 } from './1796116432583-RecognitionCatalogue';
import { SeedRecognitionTypes1796116432584 } from './1796116432584-SeedRecognitionTypes';
import { Evaluation1796116503814 } from './1796116503814-Evaluation';
import { Projects1796116699544 } from './1796116699544-Projects';
import { ProjectReferenceData1796116699545 } from './1796116699545-ProjectReferenceData';
import { ChainSegmentVersion1796117197654 } from './1796117197654-ChainSegmentVersion';
import { Remediation1796117260394 } from './1796117260394-Remediation';
import { LiveEnterpriseNameIndexes1796200000000 } from './1796200000000-LiveEnterpriseNameIndexes';
import { EvaluationResultNoForeignKey1796200000001 } from './1796200000001-EvaluationResultNoForeignKey';
import { TaxPerMuLandUse1796300000000 } from './1796300000000-TaxPerMuLandUse';
import { BackfillTaxPerMuLandUse1796300000001 } from './1796300000001-BackfillTaxPerMuLandUse';
import { QuotaSnapshotMembers1796314000000 } from './1796314000000-QuotaSnapshotMembers';
import { EvaluationResultByYear1796400000000 } from './1796400000000-EvaluationResultByYear';
import { DesignationStateSpan1796410000000 } from './1796410000000-DesignationStateSpan';
import { BackfillDesignationStateSpan1796410000001 } from './1796410000001-BackfillDesignationStateSpan';

/** Every migration in timestamp order; a new one is generated with `npm run migration:generate` and added here. */
export const MIGRATIONS: Function[] = [
  Init1795715837212,
  Cultivation1795717711859,
  QuotaPlans1795718035168,
  ChangeRequests1795718055499,
  AuditAppendOnly1795718055500,
  LiveDesignationRules1795720000000,
  TokenVersion1796100473435,
  DatedHistory1796100549770,
  BackfillDatedHistory1796100549771,
  Notifications1796101847200,
  SavedViews1796102086135,
  LiveEnterpriseListIndex1796104878212,
  TaxPerMu1796110000000,
  BackfillTaxPerMu1796110000001,
  RecognitionCatalogue1796116432583,
  SeedRecognitionTypes1796116432584,
  Evaluation1796116503814,
  Projects1796116699544,
  ProjectReferenceData1796116699545,
  ChainSegmentVersion1796117197654,
  Remediation1796117260394,
  LiveEnterpriseNameIndexes1796200000000,
  EvaluationResultNoForeignKey1796200000001,
  TaxPerMuLandUse1796300000000,
  BackfillTaxPerMuLandUse1796300000001,
  QuotaSnapshotMembers1796314000000,
  EvaluationResultByYear1796400000000,
  DesignationStateSpan1796410000000,
  BackfillDesignationStateSpan1796410000001,
];
