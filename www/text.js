// Every user-visible word of the lab, by key; each view's text lives in text/<view>.js. English now; a second language is a second table
// with the same keys (a test checks that every view and parameter in the catalogue has text).

import ewma from './text/ewma.js';
import optimizers from './text/optimizers.js';

export const EN = {
  ui: {
    title: 'trainlab',
    tagline: 'A lab for the craft of training neural networks',
    views: 'Views',
    controls: 'Controls',
    copy_link: 'Copy link',
    link_copied: 'Link copied',
    link_ready: 'Link (copy it from here):',
    download_svg: 'SVG',
    download_png: 'PNG',
    download_csv: 'CSV',
    download_json: 'JSON',
    downloads: 'Download',
    add: 'Add',
    remove: 'Remove',
    new_seed: 'New seed',
    open_full: 'Open in trainlab',
    what_to_notice: 'What to notice',
    figure: 'Figure',
    loading: 'Loading…',
    failed: 'trainlab could not start: ',
    dismiss: 'Dismiss',
  },
  notice: {
    unknown_param: (n) => `“${n.param}” is not a setting of this view; ignored (${n.detail}).`,
    unknown_view: (n) => `There is no view “${n.given}”; showing “${n.used}” instead.`,
    unknown_hide: (n) => `hide: “${n.given}” is not a setting of this view; ignored.`,
    malformed: (n) => `${n.param}: “${n.given}” is not valid (${n.detail})${n.used ? `; using ${n.used}` : ''}.`,
    out_of_range: (n) => `${n.param}: ${n.given} is out of range (${n.detail}); using ${n.used}.`,
    not_whole: (n) => `${n.param}: ${n.given} is not a whole number; using ${n.used}.`,
    too_many_items: (n) => `${n.param}: too many values (${n.detail}); using ${n.used}.`,
    too_few_items: (n) => `${n.param}: needs ${n.detail}; keeping ${n.used}.`,
    query_too_long: (n) => `The address is too long: ${n.detail}.`,
    inconsistent: (n) => `${n.param}: ${n.detail}. The previous figure is kept.`,
  },
  views: {
    ewma,
    optimizers,
  },
};

/** The text table for a language code (only English so far). */
export function strings(_lang) {
  return EN;
}

/** A notice object from the wasm core, as one sentence. */
export function formatNotice(n, s = EN) {
  const f = s.notice[n.problem];
  return f ? f(n) : `${n.param}: ${n.detail || n.problem}`;
}
