// view=space 한국어 (탐색 공간 설계와 튜닝 엔진 코드 내보내기).
const scales = { linear: '선형', log: '로그', log_one_minus: '1 − x의 로그', integer: '정수', choice: '선택지' };
const params = {
  samples: { label: '표본 수', help: '공간 전체에서 뽑는 무작위 표본 수(최대 10,000).' },
  seed: { label: '시드', help: '난수 시드입니다. 같은 시드는 같은 표본을 만듭니다.' },
};
for (const k of [1, 2, 3, 4]) {
  params[`hp${k}`] = { label: `하이퍼파라미터 ${k}`, help: '내보낸 코드에서 쓰는 이름(“none”이면 빈 줄).', options: { none: '(없음)' } };
  params[`scale${k}`] = { label: `척도 ${k}`, help: '범위 안에서 값을 어떻게 뽑을지 정합니다.', options: scales };
  params[`range${k}`] = { label: `범위 ${k} (하한, 상한)`, help: '아래쪽과 위쪽 끝(선택지에서는 쓰지 않음).' };
}
export default {
  title: '탐색 공간 설계',
  nav: '탐색 공간 → 코드',
  caption: '튜닝 엔진에 넘길 탐색 공간: 하이퍼파라미터마다 자기 척도에서 뽑은 표본과, 같은 공간을 쓴 코드.',
  source: 'Seed 000, 002 · Optuna, Ray Tune, scikit-learn, Keras Tuner',
  lead: '튜닝할 하이퍼파라미터를 범위와 척도와 함께 적고, 그 공간에서 나온 표본을 본 뒤, 같은 공간을 ' +
    'Optuna, Ray Tune, scikit-learn, Keras Tuner 같은 튜닝 엔진으로 옮기세요. 막대 위에 포인터를 올리면 개수가 나옵니다.',
  steps: [
    { text: '로그 척도의 학습률, $α = 10^{r}, r \\sim U(-4, 0)$: $[10^{-4}, 1]$의 자릿수 구간마다 표본의 4분의 1씩 들어갑니다.',
      set: 'scale1=log' },
    { text: '같은 범위를 선형 척도로: 표본 열에 아홉이 맨 위 자릿수 구간에 들어갑니다. 엔진마다 바뀐 줄을 읽어 보세요.',
      set: 'scale1=linear' },
    { text: '$1 - β$의 로그 척도인 β: $β = 1 - 10^{r}, r \\sim U(-3, -1)$. 이 척도를 가진 엔진이 없어서 코드는 one_minus_beta를 로그 균일하게 뽑습니다.',
      set: 'hp1=none&hp3=none&hp4=none' },
    { text: '$10^{-6}$에서 $10^{-2}$까지의 가중치 감쇠: 또 하나의 로그 척도, 네 자릿수 구간에 4분의 1씩입니다.',
      set: 'hp1=weight_decay&scale1=log&range1=1e-6,1e-2' },
    { text: '표본 1만 개: 히스토그램이 매끄러워지고, 내보낸 탐색도 같은 횟수만큼 시도합니다.',
      set: 'samples=10000' },
  ],
  notice: [
    '엔진마다 “로그 척도”를 쓰는 법이 다릅니다. Optuna suggest_float(..., log=True), Ray Tune tune.loguniform, ' +
      'scikit-learn은 RandomizedSearchCV에 scipy.stats.loguniform, Keras Tuner hp.Float(..., sampling="log").',
    '“$1 - x$의 로그 척도”를 직접 뽑는 엔진은 없어서, 내보낸 코드는 one_minus_β를 로그 균일하게 뽑고 $β = 1 - \\text{one\\_minus\\_}β$로 둡니다. ' +
      'Keras Tuner의 sampling="reverse_log"는 다른 규칙입니다. [min, max] 안에서 로그 척도를 뒤집는 것이라 [0.9, 0.999]에서는 거의 균일합니다.',
    '여기서 정수 범위는 양 끝을 포함합니다. Ray Tune과 scipy의 randint는 위쪽 끝을 포함하지 않으므로 내보낼 때 1을 더합니다.',
    '잘못된 줄(0 이하에서 시작하는 로그 척도, $(0, 1)$ 밖의 $1 - x$, 상한보다 큰 하한)은 알림을 띄우고 이전 공간을 유지합니다.',
  ],
  params,
  tables: {
    samples: '공간에서 뽑은 처음 몇 개의 표본',
  },
  columns: { sample: '표본' },
  code: { optuna: 'Optuna', ray_tune: 'Ray Tune', sklearn: 'scikit-learn', keras_tuner: 'Keras Tuner', title: '공간을 코드로 내보내기' },
  readout: (o, f) => `${o.name} ${o.option ?? (o.whole ? Math.round((o.low + o.high) / 2) : `[${f(o.low)}, ${f(o.high)})`)}: ` +
    `표본 ${o.samples}개 중 ${o.count}개`,
};
