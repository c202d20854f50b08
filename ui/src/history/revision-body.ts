/**
 * A revision's body, read-only, as ProseMirror renders it: DOMSerializer builds the nodes
 * through the schema's toDOM (text stays text, links stay safe); a kept WordPress block shows
 * its label in the interface language, as in the editor, never its HTML.
 */
import { DOMSerializer, type DOMOutputSpec, type Node as PmDocNode } from 'prosemirror-model';
import type { Attachment } from 'svelte/attachments';
import { rawBlockName, schema } from '../editor/schema';

const base = DOMSerializer.fromSchema(schema);

function serializer(rawBlockLabel: (name: string) => string): DOMSerializer {
  const rawBlock = base.nodes.raw_block!;
  return new DOMSerializer(
    {
      ...base.nodes,
      raw_block: (node) => {
        const [tag, attrs] = rawBlock(node) as [string, Record<string, string>, ...unknown[]];
        return [tag, attrs, rawBlockLabel(rawBlockName(String(node.attrs.html ?? '')))] satisfies DOMOutputSpec;
      },
    },
    base.marks,
  );
}

/** Puts `doc`'s blocks into the element (again when the label's language changes). */
export function revisionBody(doc: PmDocNode, rawBlockLabel: (name: string) => string): Attachment<HTMLElement> {
  return (target) => {
    target.replaceChildren(serializer(rawBlockLabel).serializeFragment(doc.content));
    return () => target.replaceChildren();
  };
}
