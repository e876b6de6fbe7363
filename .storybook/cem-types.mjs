// A custom-elements-manifest analyzer plugin: attribute, field and event types as TypeScript itself
// sees them, so the manifest says what each takes: a union written out (`'card' | 'compact'`, not
// `PlankVariant`), a boolean, a number, and each event's detail (`CustomEvent<{ petition: string;
// count: number }>`, from SolidarityEventMap in src/core/events.ts). An attribute whose property keeps
// the raw text (checked later, so a bad value can be shown as written) says what that text must be
// with `@attributeType number` in its field's comment.
import { readFileSync } from 'node:fs';
import ts from 'typescript-api';

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
const EVENTS = 'src/core/events.ts';

/** A type as text, with a union named by an alias written out member by member (true | false as boolean). */
function typeText(checker, type) {
  if (!type.isUnion() || !type.aliasSymbol) return checker.typeToString(type, undefined, FLAGS);
  // In the order the alias writes them: the checker's own order follows when each literal type was first
  // met anywhere in the program (another component's `'compact'` first made `'compact' | 'card'`).
  const written = type.aliasSymbol.declarations?.find(ts.isTypeAliasDeclaration)?.type;
  const parts =
    written && ts.isUnionTypeNode(written) ? written.types.map((n) => checker.getTypeFromTypeNode(n)) : type.types;
  const members = parts.map((t) => checker.typeToString(t, undefined, FLAGS));
  const bool = members.includes('true') && members.includes('false');
  return [...(bool ? ['boolean'] : []), ...members.filter((m) => !bool || (m !== 'true' && m !== 'false'))].join(' | ');
}

function program(files) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.warn(d.messageText) };
  const { options } = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, host);
  return ts.createProgram([...files, EVENTS], { ...options, noEmit: true });
}

/** name → detail type text, for every public event. */
function eventDetails(checker, source) {
  const map = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'SolidarityEventMap');
  if (!map) throw new Error(`cem-types: no SolidarityEventMap in ${EVENTS}`);
  const type = checker.getTypeAtLocation(map);
  return new Map(
    type.getProperties().map((p) => [p.name, typeText(checker, checker.getTypeOfSymbolAtLocation(p, map))]),
  );
}

/** The class's own property declarations by name. */
function fieldsOf(source, className) {
  const cls = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
  return new Map((cls?.members ?? []).filter(ts.isPropertyDeclaration).map((m) => [m.name.getText(source), m]));
}

function declaredType(checker, field) {
  const tag = ts.getJSDocTags(field).find((t) => t.tagName.text === 'attributeType');
  const written = typeof tag?.comment === 'string' ? tag.comment.trim() : undefined;
  const own = field.type ? typeText(checker, checker.getTypeFromTypeNode(field.type)) : undefined;
  return { attribute: written ?? own, field: own && (field.questionToken ? `${own} | undefined` : own) };
}

export const typedApi = {
  name: 'solidarity-typed-api',
  packageLinkPhase({ customElementsManifest }) {
    const elements = customElementsManifest.modules.flatMap((mod) =>
      (mod.declarations ?? []).filter((d) => d.customElement).map((d) => ({ mod, d })),
    );
    const prog = program(elements.map(({ mod }) => mod.path));
    const checker = prog.getTypeChecker();
    const details = eventDetails(checker, prog.getSourceFile(EVENTS));
    for (const { mod, d } of elements) {
      const source = prog.getSourceFile(mod.path) ?? ts.createSourceFile(mod.path, readFileSync(mod.path, 'utf8'), 99);
      const fields = fieldsOf(source, d.name);
      for (const a of d.attributes ?? []) {
        const field = a.fieldName && fields.get(a.fieldName);
        const attribute = field && declaredType(checker, field).attribute;
        if (attribute) a.type = { text: attribute };
      }
      for (const m of d.members ?? []) {
        const field = m.kind === 'field' && fields.get(m.name);
        const text = field && declaredType(checker, field).field;
        if (text) m.type = { text };
      }
      for (const e of d.events ?? []) {
        const detail = details.get(e.name);
        if (detail) e.type = { text: `CustomEvent<${detail}>` };
      }
    }
  },
};
