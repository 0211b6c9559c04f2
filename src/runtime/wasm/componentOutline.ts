import { ByteReader, MalformedWasm } from '../../core/wasm/byteReader';

/**
 * Section ids and sorts of the component binary format (the component model's `Binary.md`,
 * version 0x0d): only what telling files apart needs.
 */
export const SECTION = { custom: 0, coreModule: 1, coreInstance: 2, coreType: 3, component: 4, instance: 5, alias: 6, type: 7, canon: 8, start: 9, import: 10, export: 11, value: 12 } as const;
export const SORT = { core: 0, func: 1, value: 2, type: 3, component: 4, instance: 5 } as const;

/** An instance made by instantiating a nested component, or one exported by another instance (an alias). */
export type InstanceSource = { component: number } | { instance: number; name: string };

/** One entry of a component's export section. */
export interface ComponentExport {
  name: string;
  /** A `SORT` value (`core` exports are core modules). */
  sort: number;
  index: number;
  /** The type ascribed to the export, when it has one: `kind` is a `SORT` value, `type` its type index. */
  ascribed?: ExternType;
}

/** An `externtype`: what an import or an ascribed export is. `eq` for `(type (eq i))`, `index` for the rest. */
export interface ExternType {
  kind: number;
  index?: number;
}

/** The top level of a component, read without decoding types or code. */
export interface ComponentOutline {
  /** Ids of the sections present (`SECTION` values). */
  sections: Set<number>;
  imports: Array<{ name: string; type: ExternType }>;
  exports: ComponentExport[];
  /** Where each instance index comes from (undefined: imported, or built from inline exports). */
  instances: Array<InstanceSource | undefined>;
  /** For each component index, the bytes of that nested component (undefined: imported or aliased). */
  components: Array<Uint8Array | undefined>;
}

/** Each section's id and a reader over its contents, in file order, from `start` (just past the preamble). */
export function sectionsOf(bytes: Uint8Array, start = 8, end = bytes.length): Array<{ id: number; body: ByteReader }> {
  const reader = new ByteReader(bytes, start, end);
  const sections: Array<{ id: number; body: ByteReader }> = [];
  while (!reader.done) {
    const id = reader.u8();
    const size = reader.u32();
    const at = reader.at;
    reader.take(size);
    sections.push({ id, body: new ByteReader(bytes, at, at + size) });
  }
  return sections;
}

/** The names a core module exports (its export section, id 7), read without compiling it. */
export function coreExportNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (const { id, body } of sectionsOf(bytes)) {
    if (id !== 7) continue;
    body.vec(() => {
      names.push(body.name());
      body.u8(); // kind: func, table, memory, global or tag
      body.u32();
    });
  }
  return names;
}

/** Reads a component's sections and the entries that say what it imports, exports and instantiates. */
export function outlineComponent(bytes: Uint8Array): ComponentOutline {
  const outline: ComponentOutline = { sections: new Set(), imports: [], exports: [], instances: [], components: [] };
  for (const { id, body } of sectionsOf(bytes)) {
    outline.sections.add(id);
    switch (id) {
      case SECTION.component:
        outline.components.push(body.bytes.subarray(body.at, body.end));
        break;
      case SECTION.instance:
        body.vec(() => readInstance(body, outline));
        break;
      case SECTION.alias:
        body.vec(() => {
          const sort = readSort(body);
          const target = body.u8();
          if (target > 0x02) throw new MalformedWasm(`unknown alias target ${target}`);
          const from = body.u32();
          // export i n | core export i n | outer ct idx
          const name = target === 0x02 ? (body.u32(), '') : body.name();
          if (sort === SORT.instance) outline.instances.push(target === 0x00 ? { instance: from, name } : undefined);
          if (sort === SORT.component) outline.components.push(undefined);
        });
        break;
      case SECTION.import:
        body.vec(() => {
          const name = readExternName(body);
          const type = readExternType(body);
          outline.imports.push({ name, type });
          if (type.kind === SORT.instance) outline.instances.push(undefined);
          if (type.kind === SORT.component) outline.components.push(undefined);
        });
        break;
      case SECTION.export:
        body.vec(() => {
          const exported = readExport(body);
          const { sort, index } = exported;
          outline.exports.push(exported);
          // Every export introduces a new index aliasing what it exports.
          if (sort === SORT.instance) outline.instances.push(outline.instances[index]);
          if (sort === SORT.component) outline.components.push(outline.components[index]);
        });
        break;
    }
  }
  return outline;
}

function readInstance(body: ByteReader, outline: ComponentOutline): void {
  const form = body.u8();
  if (form === 0x00) {
    const component = body.u32();
    body.vec(() => {
      body.name();
      readSort(body);
      body.u32();
    });
    outline.instances.push({ component });
  } else if (form === 0x01) {
    body.vec(() => {
      readExternName(body);
      readSort(body);
      body.u32();
    });
    outline.instances.push(undefined);
  } else {
    throw new MalformedWasm(`unknown instance form ${form}`);
  }
}

/** A `sort`; core sorts (`0x00 cs`) all come back as `SORT.core`. */
/** One entry of an export section: `exportname' sort idx externdesc?` (component model `Binary.md`). */
export function readExport(body: ByteReader): ComponentExport {
  const name = readExternName(body);
  const sort = readSort(body);
  const index = body.u32();
  const ascribed = body.optional(() => readExternType(body));
  return { name, sort, index, ...(ascribed ? { ascribed } : {}) };
}

function readSort(body: ByteReader): number {
  const sort = body.u8();
  if (sort === SORT.core) body.u8();
  else if (sort > SORT.instance) throw new MalformedWasm(`unknown sort ${sort}`);
  return sort;
}

/** `nameattributes`: the plain name, with any attributes (implements, version suffix, external id) skipped. */
export function readExternName(body: ByteReader): string {
  const form = body.u8();
  const name = body.name();
  if (form === 0x02) {
    body.vec(() => {
      body.u8(); // which attribute
      body.name();
    });
  }
  else if (form > 0x02) throw new MalformedWasm(`unknown name form ${form}`);
  return name;
}

export function readExternType(body: ByteReader): ExternType {
  const kind = body.u8();
  switch (kind) {
    case SORT.core:
      body.u8();
      return { kind, index: body.u32() };
    case SORT.func:
    case SORT.component:
    case SORT.instance:
      return { kind, index: body.u32() };
    case SORT.value:
      if (body.u8() === 0x00) body.u32();
      else body.s33();
      return { kind };
    case SORT.type:
      // (eq i) names an existing type; (sub resource) is a fresh abstract resource.
      return body.u8() === 0x00 ? { kind, index: body.u32() } : { kind };
    default:
      throw new MalformedWasm(`unknown extern type ${kind}`);
  }
}
