import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's seeds/ folder, found from this file in source, dist or a Docker image. */
export function seedsDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'seeds', 'reference');
    if (existsSync(candidate)) return join(dir, 'seeds');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('seeds/ folder not found above ' + __dirname);
    dir = parent;
  }
}

export function readSeed<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(seedsDir(), relativePath), 'utf8')) as T;
}

export interface SeedSegment {
  code: string;
  name: string;
  stage: string;
  children?: SeedSegment[];
}

export interface SeedChain {
  code: string;
  name: string;
  description: string;
  provisional: boolean;
  confirmedBy: string;
  order: number;
  leadUnit: string | null;
  promotionAgency: string | null;
  segments: SeedSegment[];
}

export interface SeedFigures {
  year: number;
  operatingRevenueYuan: string;
  industrialOutputYuan: string;
  taxPaidYuan: string;
  rdSpendYuan: string;
  valueAddedYuan: string;
  employees: number;
  energyUseTce: string;
}

export interface SeedEnterprise {
  creditCode: string;
  name: string;
  shortName: string;
  formerNames: string[];
  districtCode: string;
  functionalZoneCode: string | null;
  industryCode: string;
  address: string;
  legalRepresentative: string;
  foundedOn: string;
  registeredCapitalYuan: string;
  status: string;
  aboveScale: boolean;
  stockCode: string | null;
  landAreaMu: string | null;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  chainCodes: string[];
  figures: SeedFigures[];
}
