// The document a help page is made of, as docutils sees the reST that AWS CLI writes: sections
// of paragraphs, block quotes, literal blocks, bullet lists and admonitions. Built by rst-parse.ts, turned into
// man requests by man-writer.ts. Data only.

/** Inline text; `literal` and `strong` print bold, `emphasis`, `title` and `reference` italic. */
export interface Inline {
  readonly kind: 'text' | 'literal' | 'strong' | 'emphasis' | 'title' | 'reference';
  readonly text: string;
}

export type DocNode =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'literal_block'; readonly lines: readonly string[] }
  | { readonly kind: 'block_quote'; readonly children: readonly DocNode[] }
  | { readonly kind: 'bullet_list'; readonly items: readonly (readonly DocNode[])[] }
  /** `.. note::` and its kin; `label` is what the man page prints, e.g. `NOTE`. */
  | { readonly kind: 'admonition'; readonly label: string; readonly children: readonly DocNode[] };

export interface DocSection {
  readonly title: string;
  readonly children: readonly DocNode[];
}

/** A whole page: its name (the .TH title and NAME) and its sections after NAME. */
export interface ManualPage {
  readonly name: string;
  readonly sections: readonly DocSection[];
}
