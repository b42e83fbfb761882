import path from 'node:path';
import ts from 'typescript';

/**
 * ADR 0001 says each module queries through a handle typed to its own tables. The composition
 * root's handle is `Kysely<any>`, and a query through it compiles whatever table it names, so
 * "typed to its own tables" held by discipline only. This check asks the type checker for the
 * receiver of every query-builder call in module and platform code and reports each one whose
 * database type is `any`: such a query must go through the module's own `XDb` instead.
 */

/**
 * Kysely methods that name tables. Starting a transaction on the root handle is fine: what runs
 * inside goes through these and is checked there.
 */
const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'with',
  'withRecursive',
]);
/** Kysely's handle types whose first type argument is the database's tables. */
const HANDLE_TYPES = new Set(['Kysely', 'Transaction', 'ControlledTransaction']);

export interface UntypedQuery {
  file: string;
  line: number;
  /** The method called, e.g. `selectFrom`. */
  method: string;
  /** The receiver's type as the checker prints it. */
  type: string;
}

/** True when a type is a Kysely handle over `any` tables (or a union containing one). */
function isUntypedHandle(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some((t) => isUntypedHandle(checker, t));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (!symbol || !HANDLE_TYPES.has(symbol.getName())) return false;
  const args = checker.getTypeArguments(type as ts.TypeReference);
  return args.length > 0 && (args[0].flags & ts.TypeFlags.Any) !== 0;
}

/** Every query-builder call through an untyped handle in the given files. */
export function findUntypedQueries(program: ts.Program, files: (file: string) => boolean, root: string): UntypedQuery[] {
  const checker = program.getTypeChecker();
  const found: UntypedQuery[] = [];
  for (const source of program.getSourceFiles()) {
    const rel = path.relative(root, source.fileName).split(path.sep).join('/');
    if (source.isDeclarationFile || rel.startsWith('..') || !files(rel)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (QUERY_METHODS.has(method)) {
          const type = checker.getTypeAtLocation(node.expression.expression);
          if (isUntypedHandle(checker, type)) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
            found.push({ file: rel, line: line + 1, method, type: checker.typeToString(type) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** A program over the repository's tsconfig, for the check above. */
export function repositoryProgram(root: string): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}
