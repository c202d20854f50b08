/**
 * A revision's body, read-only, as ProseMirror renders it: DOMSerializer builds the nodes
 * through the schema's toDOM (text stays text, links stay safe); a kept WordPress block shows
 * its label in the interface language, as in the editor, never its HTML.
 */
import { DOMSerializer, type DOMOutputSpec, type Node as PmDocNode } from 'prosemirror-model';
import type { Attachment } from 'svelte/attachments';
import { figureLook, type FigureAttrs, type ImageSource } from '../editor/figure-spec';
import { rawBlockName, schema } from '../editor/schema';

const base = DOMSerializer.fromSchema(schema);

function serializer(rawBlockLabel: (name: string) => string, imageSource: ImageSource): DOMSerializer {
  const rawBlock = base.nodes.raw_block!;
  const figure = base.nodes.figure!;
  return new DOMSerializer(
    {
      ...base.nodes,
      raw_block: (node) => {
        const [tag, attrs] = rawBlock(node) as [string, Record<string, string>, ...unknown[]];
        return [tag, attrs, rawBlockLabel(rawBlockName(String(node.attrs.html ?? '')))] satisfies DOMOutputSpec;
      },
      // The schema's figure has no picture address; the preview shows the picture as it was cropped.
      figure: (node) => {
        const spec = figure(node) as { dom: HTMLElement; contentDOM?: HTMLElement };
        const attrs = node.attrs as FigureAttrs;
        const src = imageSource(attrs.media_id, figureLook(attrs));
        if (src) spec.dom.querySelector('img')?.setAttribute('src', src);
        return spec;
      },
    },
    base.marks,
  );
}

/** Puts `doc`'s blocks into the element (again when the label's language changes). */
export function revisionBody(doc: PmDocNode, rawBlockLabel: (name: string) => string, imageSource: ImageSource): Attachment<HTMLElement> {
  return (target) => {
    target.replaceChildren(serializer(rawBlockLabel, imageSource).serializeFragment(doc.content));
    return () => target.replaceChildren();
  };
}
