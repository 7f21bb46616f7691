import { ErrorCode } from '@app/core';

import { BatchContext, RowError } from '../import-kind';
import { clip } from '../import-limits';

export interface ChainRef {
  id: string;
  code: string;
  segments: Map<string, string>;
}

/** All chains with their segments by code; chains are a handful, so one query per file. */
export async function loadChains(ctx: BatchContext): Promise<Map<string, ChainRef>> {
  const rows: { id: string; code: string; name: string; segment_code: string | null; segment_id: string | null }[] = await ctx.manager.query(
    `SELECT c.id, c.code, c.name, s.code AS segment_code, s.id AS segment_id FROM chain c LEFT JOIN chain_segment s ON s.chain_id = c.id`,
  );
  const chains = new Map<string, ChainRef>();
  for (const r of rows) {
    const chain = chains.get(r.code) ?? { id: r.id, code: r.code, segments: new Map() };
    chains.set(r.code, chain);
    // Staff sheets often carry the chain's Chinese name instead of its code.
    chains.set(r.name, chain);
    if (r.segment_code) chain.segments.set(r.segment_code, r.segment_id!);
  }
  return chains;
}

/** What a row is told when its chain code (or name) names no chain. */
export const UNKNOWN_CHAIN = (code: string) => `没有产业链“${clip(code)}”(unknown chain)`;

/** The row error for a chain code that names no chain. */
export function unknownChain(ctx: BatchContext, line: number, code: string): RowError {
  return { line, column: ctx.headerOf('chainCode'), code: ErrorCode.CHAIN_NOT_FOUND, message: UNKNOWN_CHAIN(code) };
}
