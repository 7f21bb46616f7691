import { Schemas } from '../../api/client';

type Node = Schemas['ChainSegmentNodeDto'];
export interface TreeNode {
  title: string;
  value: string;
  key: string;
  selectable?: boolean;
  children?: TreeNode[];
}

/** Segments grouped under 上游/中游/下游 (the stage labels the API sends). */
export function segmentTreeData(roots: Node[]): TreeNode[] {
  const convert = (n: Node): TreeNode => ({ title: n.name, value: n.id, key: n.id, children: n.children.map(convert) });
  const stages = new Map<string, TreeNode>();
  for (const root of roots) {
    const stage = stages.get(root.stage) ?? { title: root.stageLabel, value: `stage:${root.stage}`, key: `stage:${root.stage}`, selectable: false, children: [] };
    stage.children!.push(convert(root));
    stages.set(root.stage, stage);
  }
  const order = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
  return [...stages.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, v]) => v);
}
