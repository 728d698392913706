import { SaxesParser } from "saxes";
import { corruptError, type OfficeKind } from "./container.ts";

/**
 * Namespace-aware streaming XML for OOXML parts. Elements are matched by namespace and local name,
 * never by prefix: generators other than Word pick their own prefixes, and Strict OOXML uses
 * different namespace URIs for the same vocabulary. Prefixes are resolved here rather than by
 * saxes' xmlns mode, which builds a resolved object per attribute and doubles the parse time of a
 * large document.xml.
 */

const W_URIS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const M_URIS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/math",
  "http://purl.oclc.org/ooxml/officeDocument/math",
]);
const MC_URI = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL_URIS = new Set([
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/content-types",
]);

export interface Tag {
  local: string;
  uri: string;
  /** Attributes by qualified name as written ("w:val"). */
  attributes: Record<string, string>;
}

/** "w:p", "m:t", "mc:Choice", "pkg:Relationship"; anything else is "x:" + local name. */
export function tagKey(tag: Tag): string {
  if (W_URIS.has(tag.uri)) return `w:${tag.local}`;
  if (M_URIS.has(tag.uri)) return `m:${tag.local}`;
  if (tag.uri === MC_URI) return `mc:${tag.local}`;
  if (REL_URIS.has(tag.uri)) return `pkg:${tag.local}`;
  return `x:${tag.local}`;
}

/** Attribute by local name, whatever its prefix (w:val, val, s:val). */
export function attr(tag: Tag, local: string): string | undefined {
  for (const name in tag.attributes) {
    const colon = name.indexOf(":");
    if ((colon < 0 ? name : name.slice(colon + 1)) === local) return tag.attributes[name];
  }
  return undefined;
}

/** OOXML on/off property: present without w:val means on. */
export function isOn(tag: Tag): boolean {
  const v = attr(tag, "val");
  return v === undefined || !["false", "0", "off", "none"].includes(v.toLowerCase());
}

export function intAttr(tag: Tag, local: string): number | undefined {
  const v = attr(tag, local);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

export interface XmlHandlers {
  open(tag: Tag, key: string): void;
  close?(tag: Tag, key: string): void;
  text?(text: string): void;
}

export function parseXml(xml: string, handlers: XmlHandlers, kind: OfficeKind, part: string): void {
  const parser = new SaxesParser();
  const scopes: Map<string, string>[] = [new Map()];
  const open: { tag: Tag; key: string; scoped: boolean }[] = [];
  parser.on("opentag", (node) => {
    const attributes = node.attributes as Record<string, string>;
    let scope = scopes[scopes.length - 1]!;
    let scoped = false;
    for (const name in attributes) {
      if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
      if (!scoped) {
        scope = new Map(scope);
        scopes.push(scope);
        scoped = true;
      }
      scope.set(name === "xmlns" ? "" : name.slice(6), attributes[name]!);
    }
    const colon = node.name.indexOf(":");
    const tag: Tag = {
      local: colon < 0 ? node.name : node.name.slice(colon + 1),
      uri: scope.get(colon < 0 ? "" : node.name.slice(0, colon)) ?? "",
      attributes,
    };
    const key = tagKey(tag);
    open.push({ tag, key, scoped });
    handlers.open(tag, key);
  });
  parser.on("closetag", () => {
    const top = open.pop();
    if (!top) return;
    handlers.close?.(top.tag, top.key);
    if (top.scoped) scopes.pop();
  });
  const { text } = handlers;
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    parser.write(xml).close();
  } catch {
    throw corruptError(kind, `${part} không phải XML hợp lệ`);
  }
}

export interface Relationship {
  type: string;
  target: string;
}

/** Resolves a relationship target against the folder of the part that owns the .rels file. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRels(xml: string, ownerPart: string, kind: OfficeKind): Relationship[] {
  const rels: Relationship[] = [];
  parseXml(
    xml,
    {
      open(tag, key) {
        if (key !== "pkg:Relationship" || attr(tag, "TargetMode") === "External") return;
        const type = attr(tag, "Type");
        const target = attr(tag, "Target");
        if (type && target) rels.push({ type, target: resolveTarget(ownerPart, target) });
      },
    },
    kind,
    "rels",
  );
  return rels;
}

/** Finds the target of the first relationship whose type ends with "/" + suffix. */
export function relTarget(rels: Relationship[], suffix: string): string | undefined {
  return rels.find((r) => r.type.endsWith(`/${suffix}`))?.target;
}
