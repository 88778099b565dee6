// Step 12 for a paginated call, as awscli's formatters take a PageIterator: json, table and yaml
// print build_full_result (then --query); text prints each page's result keys (each queried)
// and then the resume token as {"NextToken": {"NextToken": …}}; yaml-stream prints each
// (queried) page as it comes; `off` reads every page and prints nothing. What a formatter
// printed before a page failed is written before the error.
import type { Io } from '../io.js';
import { PyDict } from '../values/py-value.js';
import { emitResult, OUTPUT_OFF, writeOutput, type OutputSettings } from './emit.js';
import { buildFullResult, searchPath, setPath, type PageIterator } from './page-iterator.js';

/** Fetches the pages of `iterator` and writes them in `settings.format`. */
export async function emitPages(iterator: PageIterator, settings: OutputSettings, io: Io): Promise<void> {
  if (settings.format === OUTPUT_OFF) {
    for await (const _ of iterator.pages());
    return;
  }
  if (settings.format !== 'text' && settings.format !== 'yaml-stream') {
    await emitResult(await buildFullResult(iterator), settings, io);
    return;
  }
  const chunks: string[] = [];
  try {
    if (settings.format === 'text') await textPages(iterator, settings, chunks);
    else await yamlStreamPages(iterator, settings, chunks);
  } finally {
    if (chunks.length > 0) await writeOutput(chunks.join(''), settings, io);
  }
}

// TextFormatter.__call__ on a paginated response.
async function textPages(iterator: PageIterator, settings: OutputSettings, chunks: string[]): Promise<void> {
  const { formatText } = await import('./text.js');
  let first = true;
  for await (const page of iterator.pages()) {
    const current = first ? new PyDict(iterator.nonAggregatePart) : new PyDict();
    first = false;
    for (const key of iterator.resultKeys) setPath(current, key, searchPath(page, key) ?? null);
    chunks.push(formatText(settings.query(current)));
  }
  if (iterator.resumeToken !== undefined) {
    chunks.push(formatText(settings.query(new PyDict([['NextToken', new PyDict([['NextToken', iterator.resumeToken]])]]))));
  }
}

// StreamedYAMLFormatter: each page, queried, as a one-element list.
async function yamlStreamPages(iterator: PageIterator, settings: OutputSettings, chunks: string[]): Promise<void> {
  const { formatYamlStreamPage } = await import('./yaml.js');
  for await (const page of iterator.pages()) chunks.push(formatYamlStreamPage(settings.query(page)));
}
