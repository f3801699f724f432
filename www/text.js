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
    groups: {
      figure: 'Figure', data: 'Data', network: 'Network', optimisation: 'Optimisation',
      regularisation: 'Regularisation', search: 'Search', run: 'Run',
    },
    menu: 'Course',
    course: 'Course',
    previous: 'Previous',
    next: 'Next',
    try_this: 'Try this',
    more_settings: 'More settings',
    step_label: (n) => `Step ${n}`,
    dismiss_notices: 'Dismiss',
    map_title: 'The course, one experiment at a time',
    map_lead: 'Each card is a live figure from the notes on improving deep neural networks and on chapter 6 of Deep Learning from Scratch. Follow the path from the top, or open any card.',
    start_here: 'Start here',
    stages: {
      setup: 'Setting up the data and the network', regularisation: 'Regularisation',
      optimisation: 'Optimisation', tuning: 'Hyperparameter tuning', batch_norm: 'Batch norm', other: 'More',
    },
    stage_leads: {
      setup: 'Train, dev and test sets, bias and variance, initialisation and gradient checking.',
      regularisation: 'L2, dropout and early stopping against overfitting.',
      optimisation: 'Exponentially weighted averages and the optimizers built on them.',
      tuning: 'Which values to try, on which scale, and how to search many at once.',
      batch_norm: 'Normalising each layer’s inputs while training.',
      other: 'Further experiments from the notes.',
    },
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
    groups: {
      figure: '그림', data: '데이터', network: '신경망', optimisation: '최적화',
      regularisation: '정규화', search: '탐색', run: '실행',
    },
    menu: '강의 순서',
    course: '강의 순서',
    previous: '이전',
    next: '다음',
    try_this: '해 보기',
    more_settings: '설정 더 보기',
    // the visible number as a word of its own: axe (label-content-name-mismatch) looks for it in the name
    step_label: (n) => `단계 ${n}`,
    dismiss_notices: '닫기',
    map_title: '실험 하나씩 따라가는 강의',
    map_lead: '카드마다 심층 신경망 성능 향상 강의 노트와 《밑바닥부터 시작하는 딥러닝》 6장의 살아 있는 그림이 있습니다. 위에서부터 차례로 따라가거나 아무 카드나 여세요.',
    start_here: '여기서 시작',
    stages: {
      setup: '데이터와 신경망 준비', regularisation: '정규화',
      optimisation: '최적화', tuning: '하이퍼파라미터 튜닝', batch_norm: '배치 정규화', other: '더 보기',
    },
    stage_leads: {
      setup: '훈련·개발·테스트 세트, 편향과 분산, 초기화, 경사 검사.',
      regularisation: '과대적합을 막는 L2, 드롭아웃, 조기 종료.',
      optimisation: '지수가중평균과 그 위에 세운 최적화 알고리즘.',
      tuning: '어떤 값을 어떤 척도로 시도하고, 여러 값을 한꺼번에 어떻게 탐색할지.',
      batch_norm: '학습하는 동안 각 층의 입력을 정규화하기.',
      other: '강의 노트의 다른 실험.',
    },
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

/** Loads the words of views `ids` in `langs` (default both) into EN.views / KO.views, once each:
 * a page fetches only the words of the views it shows, in the language it shows them in. */
export async function loadViewTexts(ids, langs = ['en', 'ko']) {
  const files = { en: ['', EN], ko: ['.ko', KO] };
  await Promise.all(ids.flatMap((id) => langs.map((l) => files[l] ?? files.en).map(async ([suffix, table]) => {
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

/** Whether view `id`'s words in `lang` are loaded. */
export function hasViewTexts(id, lang) {
  return !!strings(lang).views[id];
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
