import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Records every statement Kysely sends (kind and first table), without changing it. Counted when its result
 * comes back, so a query built only to be embedded in a larger statement is not counted on its own.
 * A transaction's BEGIN and COMMIT do not pass through plugins and are not counted.
 */
export class QueryCounter implements KyselyPlugin {
  readonly queries: string[] = [];
  private readonly built = new WeakMap<object, string>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.built.set(args.queryId, describe(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.queries.push(this.built.get(args.queryId) ?? 'unknown');
    return args.result;
  }
}

function describe(node: RootOperationNode): string {
  const verb = node.kind.replace(/QueryNode$|Node$/, '').toLowerCase();
  const table = firstTable(node);
  return table ? `${verb} ${table}` : verb;
}

function firstTable(value: unknown, depth = 0): string | null {
  if (!value || typeof value !== 'object' || depth > 8) return null;
  const node = value as { kind?: string; table?: { identifier?: { name?: string } } };
  if (node.kind === 'TableNode' && node.table?.identifier?.name) return node.table.identifier.name;
  for (const child of Object.values(value as Record<string, unknown>)) {
    const found = Array.isArray(child)
      ? child.map((item) => firstTable(item, depth + 1)).find((name) => name)
      : firstTable(child, depth + 1);
    if (found) return found;
  }
  return null;
}
