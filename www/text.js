// Every user-visible word of the lab, by key, in English (EN) and Korean (KO). The page's own
// words are here; each view's words live in text/<view>.js and text/<view>.ko.js and are loaded
// by loadViewTexts() for the views the catalogue lists (no list of views here: a new view needs
// only its two text files). A test checks that both tables have exactly the same keys and that
// every view and parameter in the catalogue has text.

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
    skip: 'Skip to the view',
    footer: 'trainlab runs entirely in this page (Rust compiled to WebAssembly); nothing is sent anywhere.',
    language: 'Language',
    cancel: 'Cancel',
    resume: 'Resume',
    progress_label: 'Progress of the computation',
    progress: (done, total) => `${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
  },
  notice: {
    unknown_param: (n) => `“${n.param}” is not a setting of this view; ignored (${n.detail}).`,
    unknown_view: (n) => `There is no view “${n.given}”; showing “${n.used}” instead.`,
    unknown_hide: (n) => `hide: “${n.given}” is not a setting of this view; ignored.`,
    unknown_lang: (n) => `lang: “${n.given}” is not a supported language; using ${n.used}.`,
    malformed: (n) => `${n.param}: “${n.given}” is not valid (${n.detail})${n.used ? `; using ${n.used}` : ''}.`,
    out_of_range: (n) => `${n.param}: ${n.given} is out of range (${n.detail}); using ${n.used}.`,
    not_whole: (n) => `${n.param}: ${n.given} is not a whole number; using ${n.used}.`,
    too_many_items: (n) => `${n.param}: too many values (${n.detail}); using ${n.used}.`,
    too_few_items: (n) => `${n.param}: needs ${n.detail}; keeping ${n.used}.`,
    query_too_long: (n) => `The address is too long: ${n.detail}.`,
    inconsistent: (n) => `${n.param}: ${n.detail}. The previous figure is kept.`,
    rejected: (n) => `${n.param}: ${n.detail}. Nothing was changed.`,
  },
  views: {},
};

export const KO = {
  ui: {
    title: 'trainlab',
    tagline: '신경망 학습의 기술을 직접 실험하는 실험실',
    views: '보기',
    controls: '조절',
    copy_link: '링크 복사',
    link_copied: '링크를 복사했습니다',
    link_ready: '링크(여기서 복사하세요):',
    download_svg: 'SVG',
    download_png: 'PNG',
    download_csv: 'CSV',
    download_json: 'JSON',
    downloads: '내려받기',
    add: '추가',
    remove: '삭제',
    new_seed: '새 시드',
    open_full: 'trainlab에서 열기',
    what_to_notice: '눈여겨볼 점',
    figure: '그림',
    loading: '불러오는 중…',
    failed: 'trainlab을 시작하지 못했습니다: ',
    dismiss: '닫기',
    skip: '보기로 건너뛰기',
    footer: 'trainlab은 이 페이지 안에서만 실행됩니다(Rust를 WebAssembly로 컴파일). 아무것도 밖으로 보내지 않습니다.',
    language: '언어',
    cancel: '취소',
    resume: '이어서',
    progress_label: '계산 진행률',
    progress: (done, total) => `${done.toLocaleString('ko')} / ${total.toLocaleString('ko')}`,
  },
  notice: {
    unknown_param: (n) => `“${n.param}”은(는) 이 보기의 설정이 아니라서 무시했습니다 (${n.detail}).`,
    unknown_view: (n) => `“${n.given}” 보기는 없습니다. 대신 “${n.used}”을(를) 보여 줍니다.`,
    unknown_hide: (n) => `hide: “${n.given}”은(는) 이 보기의 설정이 아니라서 무시했습니다.`,
    unknown_lang: (n) => `lang: “${n.given}”은(는) 지원하지 않는 언어입니다. ${n.used}을(를) 씁니다.`,
    malformed: (n) => `${n.param}: “${n.given}”은(는) 올바른 값이 아닙니다 (${n.detail})${n.used ? `. ${n.used}을(를) 씁니다` : ''}.`,
    out_of_range: (n) => `${n.param}: ${n.given}은(는) 범위를 벗어났습니다 (${n.detail}). ${n.used}을(를) 씁니다.`,
    not_whole: (n) => `${n.param}: ${n.given}은(는) 정수가 아닙니다. ${n.used}을(를) 씁니다.`,
    too_many_items: (n) => `${n.param}: 값이 너무 많습니다 (${n.detail}). ${n.used}을(를) 씁니다.`,
    too_few_items: (n) => `${n.param}: ${n.detail}이(가) 필요합니다. ${n.used}을(를) 유지합니다.`,
    query_too_long: (n) => `주소가 너무 깁니다: ${n.detail}.`,
    inconsistent: (n) => `${n.param}: ${n.detail}. 이전 그림을 유지합니다.`,
    rejected: (n) => `${n.param}: ${n.detail}. 아무것도 바꾸지 않았습니다.`,
  },
  views: {},
};

/** Supported languages, by code. */
export const LANGS = { en: EN, ko: KO };

/** Where the view text modules are: next to this module, or under the bare specifiers of the
 * single-file build's import map (its modules are data: URLs, which have no relative base). */
const TEXT_BASE = import.meta.url.startsWith('data:') ? 'trainlab/www/text/' : new URL('./text/', import.meta.url).href;

/** Loads the words of views `ids` in both languages into EN.views and KO.views (once each). */
export async function loadViewTexts(ids) {
  await Promise.all(ids.flatMap((id) => [['', EN], ['.ko', KO]].map(async ([suffix, table]) => {
    if (table.views[id]) return;
    try {
      table.views[id] = (await import(`${TEXT_BASE}${id}${suffix}.js`)).default;
    } catch {
      // a view without words still works: the page shows its ids (a test requires the words)
    }
  })));
}

/** The language to use: `lang` from the URL if supported, else the browser's, else English. */
export function pickLang(urlLang) {
  if (urlLang && LANGS[urlLang]) return urlLang;
  const nav = (typeof navigator !== 'undefined' && navigator.language) || 'en';
  return nav.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The text table for a language code (English for anything unknown). */
export function strings(lang) {
  return LANGS[lang] ?? EN;
}

/** A notice object from the wasm core, as one sentence. */
export function formatNotice(n, s = EN) {
  const f = s.notice[n.problem];
  return f ? f(n) : `${n.param}: ${n.detail || n.problem}`;
}
