// view=train 한국어 (seed 001: 훈련/개발/테스트 세트, 입력 정규화, 미니배치, 편향과 분산, 기본 레시피, 정규화,
// 드롭아웃, 조기 종료, 모델 하나 돌보기(판다); seed 004: DLFS overfit_weight_decay, overfit_dropout).
const pct = (v) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
const STATES = {
  high_bias: '높은 편향(과소적합)',
  high_variance: '높은 분산(과대적합)',
  high_bias_and_variance: '높은 편향과 높은 분산',
  good: '편향도 분산도 높지 않음',
};
const REMEDIES = {
  bigger_network: '더 큰 신경망',
  train_longer: '더 오래 학습(또는 더 나은 최적화 알고리즘)',
  other_architecture: '다른 신경망 구조',
  more_data: '더 많은 데이터',
  regularisation: '정규화(L2, 드롭아웃, 조기 종료)',
};
export default {
  title: '학습 놀이터',
  nav: '신경망 학습하기',
  lead: '이 페이지 안에서 작은 신경망을 학습합니다. 데이터(2차원 세트, 8×8 숫자, 직접 올린 CSV), 신경망, 최적화 알고리즘을 고르세요. ' +
    '학습은 프레임마다 미니배치 몇 개씩 진행됩니다. 멈추고, 미니배치 하나나 에포크 하나씩 진행하고, 학습 중에 학습률, 모멘텀, λ, keep_prob을 바꿀 수 있습니다. ' +
    '가중치는 그대로이고 바꿀 때마다 곡선에 표시됩니다. 2차원 그림을 클릭하면 점이 추가됩니다(shift-클릭: 클래스 0).',
  caption: '이 페이지에서 학습하는 작은 신경망: 데이터 위의 결정 경계(채운 점: 훈련, 고리: dev와 테스트), ' +
    '신경망 자체(유닛마다 같은 평면 위의 활성값 히트맵, 가중치는 주홍이 양수이고 파랑이 음수), 에포크별 비용과 오차.',
  source: 'Seed 001 · Seed 002 · Seed 004 · DLFS 6장',
  steps: [
    { text: '재생을 누르고 경계가 생기는 것을 보세요: 은닉 유닛마다 평면에 선이나 굽은 선을 긋고, 출력이 이를 모아 원을 만듭니다.', set: 'dataset=circle', play: true },
    { text: '일부러 과대적합시키기(DLFS): 숫자 300개와 100 유닛 6층은 훈련 세트를 외우고 dev 오차는 높게 남습니다. L2 λ를 올리면(비용에 $\\frac{\\lambda}{2m}\\sum_l \\lVert W^{[l]} \\rVert_F^2$가 더해짐) 차이가 줄어듭니다.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast', play: true },
    { text: '같은 숫자 데이터에서 L2 대신 L1: 비용에 $\\frac{\\lambda_1}{m}\\lVert W \\rVert_1$이 더해지고, 그 기울기 $\\frac{\\lambda_1}{m}\\,\\mathrm{sign}(w)$는 가중치가 아무리 작아도 똑같은 크기로 0 쪽으로 당깁니다. 그래서 데이터에 거의 필요 없는 가중치는 0이 됩니다. L2의 당김 $\\frac{\\lambda}{m}w$는 $w$가 작아질수록 약해집니다. 가중치 히스토그램(오른쪽 아래)에 0의 뾰족한 막대가 보입니다: λ₁ = 1이면 가중치의 약 3분의 1이, L2 λ = 10이면 약 10분의 1이 0.01 아래로 끝납니다.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&l1=1', play: true },
    { text: '또는 드롭아웃: keep_prob 0.8은 은닉 유닛을 확률 $p$로 남기고 나눠 줍니다, $a = \\frac{d \\odot a}{p}$, $d_i \\sim \\mathrm{Bernoulli}(p)$(역 드롭아웃). 그래서 테스트 때는 신경망을 바꿀 필요가 없습니다.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&epochs=301&keep_prob=0.8', play: true },
    { text: '또는 데이터를 더 만들기(데이터 증강): 에포크마다 훈련 숫자를 최대 1픽셀 옮기고 최대 10° 돌립니다, $x\' = \\mathrm{shift}_{d}(R_{\\theta}\\,x)$, $d \\in \\{-1, 0, 1\\}^2$, $|\\theta| \\le 10°$. 훈련 오차가 더는 0이 되지 않고 dev와의 차이가 줄어듭니다(여기서 6.9 → 2.0%p). 다만 201 에포크 뒤에도 더 어려워진 문제를 아직 다 배우지 못합니다.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&augment=shift_rotate', play: true },
    { text: '조기 종료: 잡음 섞인 나선과 큰 신경망에서 patience 10은 dev 비용이 10 에포크 동안 나아지지 않으면 멈추고 가장 좋았던 에포크의 가중치를 되돌립니다.', set: 'dataset=spiral&noise=0.3&hidden=32,32,32&patience=10&epochs=400&speed=fast', play: true },
  ],
  notice: [
    '편향과 분산: 훈련 오차를 입력한 베이즈(인간 수준) 오차와, dev 오차를 훈련 오차와 비교합니다. ' +
      '첫 번째 차이가 크면 회피 가능 편향(과소적합: 더 큰 신경망, 더 오래 학습), 두 번째 차이가 크면 분산(과대적합: 더 많은 데이터, 정규화)입니다. ' +
      '편향을 먼저, 그다음 분산을 해결하는 것이 강의의 기본 레시피입니다.',
    '미니배치 크기: 1이면 확률적 경사 하강법(스텝마다 비용이 크게 흔들림), 훈련 세트 전체면 배치 경사 하강법(곡선은 매끄럽지만 에포크당 업데이트 한 번)입니다. ' +
      '옅은 선은 미니배치마다의 비용, 굵은 선은 에포크마다의 값입니다.',
    '입력 정규화: 정규화를 끄면 특성마다 스케일이 달라 비용 함수가 길쭉해지고, 한 방향에 맞는 학습률이 다른 방향에는 너무 크거나 작습니다. ' +
      '숫자 데이터나 직접 올린 CSV에서 꺼 보고 곡선을 비교해 보세요.',
    'DLFS의 과대적합 실험(프리셋): 훈련용 숫자 300개와 6×100 ReLU 신경망은 훈련 세트를 통째로 외워(훈련 오차 0) dev 오차가 높게 남습니다. ' +
      'L2(여기서 λ = 10, 미니배치 100일 때 DLFS의 0.1과 같음)나 드롭아웃(keep_prob 0.8)은 훈련 오차를 올리고 그 차이를 줄입니다.',
    'L1과 L2: 둘 다 비용에 가중치의 값을 더하지만, L1의 기울기 λ₁/m·sign(w)는 가중치가 0.001이든 1이든 크기가 같아서 ' +
      '작은 가중치를 0이 될 때까지 계속 밀어냅니다(희소하고 압축할 수 있는 신경망). L2의 λ/m·w는 가중치가 작을수록 덜 밉니다. ' +
      '가중치 히스토그램이 기준값 아래 가중치의 비율을 보여 줍니다.',
    '캐비어가 아니라 판다: 모델 하나를 돌봅니다. 비용이 정체되면 학습률을 낮추고, 폭발하면 체크포인트로 돌아가세요. ' +
      '비용이 무한대가 되거나 처음의 1,000배를 넘으면 학습을 멈추고 “발산”으로 표시합니다.',
    '조기 종료: patience가 0보다 크면 dev 비용이 그만큼의 에포크 동안 나아지지 않을 때 멈추고, 가장 좋았던 에포크의 가중치를 되돌립니다.',
  ],
  params: {
    dataset: {
      label: '데이터',
      help: '2차원 세트(TensorFlow Playground를 따름), 손글씨 8×8 숫자 1,797개, 또는 불러온 CSV(마지막 열 = 클래스).',
      options: { circle: '원', xor: 'xor', gaussians: '두 가우시안', spiral: '나선', moons: '반달', digits: '숫자(8×8)', csv: '내 CSV' },
    },
    samples: { label: '샘플 수', help: '2차원 세트의 점 개수, 또는 사용할 숫자 이미지 수(최대 1,797).' },
    noise: { label: '잡음', help: '2차원 세트의 잡음, 0에서 0.5(경계 근처의 레이블이 뒤집히고 덩어리가 넓어짐).' },
    train: { label: '훈련 비율', help: '훈련에 쓰는 행의 비율.' },
    dev: { label: 'dev 비율', help: 'dev 세트로 떼어 두는 비율. 나머지는 테스트 세트. 훈련 + dev는 1 이하.' },
    normalise: { label: '입력 정규화', help: '훈련 행의 평균과 표준편차로 각 특성을 표준화합니다.' },
    hidden: { label: '은닉 유닛', help: '은닉층마다의 유닛 수, 쉼표로 구분(최대 256 유닛 10층).' },
    activation: {
      label: '활성화 함수',
      help: '은닉층의 활성화 함수. 출력층은 과제에 따라 정해집니다: 2클래스는 시그모이드 하나, 그보다 많으면 소프트맥스.',
      options: { tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', sigmoid: '시그모이드', linear: '선형' },
    },
    init: {
      label: '초기화',
      help: '가중치를 뽑는 방법.',
      options: { glorot: 'Glorot √(2/(n_in+n_out))', he: 'He √(2/n_in)', xavier: 'Xavier √(1/n_in)', small: 'N(0, 0.01²)', zeros: '0(대칭)' },
    },
    batchnorm: { label: '배치 정규화', help: '은닉층 활성화 함수 앞마다 배치 정규화.' },
    optimizer: {
      label: '최적화 알고리즘',
      help: '업데이트 규칙(강의의 형태).',
      options: { adam: 'Adam', sgd: 'SGD', momentum: '모멘텀', nesterov: '네스테로프', rmsprop: 'RMSprop', adagrad: 'AdaGrad' },
    },
    lr: { label: '학습률', help: 'α. 학습 중에도 바꿀 수 있습니다(곡선에 표시).' },
    momentum: { label: '모멘텀 β₁', help: '모멘텀의 β와 Adam의 β₁. 학습 중에도 바꿀 수 있습니다.' },
    beta2: { label: 'β₂(제곱 기울기 감쇠율)', help: 'RMSprop과 Adam의 제곱 기울기 감쇠율.' },
    schedule: {
      label: '학습률 감쇠',
      help: '에포크에 따른 학습률 감쇠.',
      options: { constant: '일정', inverse_time: 'α₀/(1 + 감쇠율·에포크)', exponential: '(1 − 감쇠율)^에포크·α₀', inverse_sqrt: 'α₀/√에포크', staircase: '10 에포크마다 절반' },
    },
    decay: { label: '감쇠율', help: '학습률 감쇠의 감쇠율.' },
    batch: { label: '미니배치 크기', help: '1 = 확률적 경사 하강법, 훈련 행 수(이상) = 배치 경사 하강법.' },
    lambda: { label: 'L2 정규화 λ', help: 'L2 정규화: 비용 + λ/(2m)·Σ‖W‖². 학습 중에도 바꿀 수 있습니다.' },
    l1: { label: 'L1 정규화 λ₁', help: 'L1 정규화: 비용 + λ₁/m·Σ|w|(가중치만, 편향은 빼고). 기울기는 λ₁/m·sign(w), 0 쪽으로 늘 같은 크기로 당겨 가중치를 희소하게 만듭니다. 학습 중에도 바꿀 수 있습니다.' },
    threshold: { label: '희소성 기준값', help: '가중치 히스토그램은 |w|가 이 값보다 작은 가중치를 (거의) 0으로 세고 그 비율을 보여 줍니다.' },
    keep_prob: { label: '드롭아웃 keep_prob', help: '드롭아웃: 은닉 유닛을 남길 확률(1 = 드롭아웃 없음). 학습 중에도 바꿀 수 있습니다.' },
    patience: { label: '조기 종료 patience', help: '조기 종료: dev 비용이 나아지지 않은 에포크가 이만큼이면 멈춤(0 = 끔).' },
    augment: {
      label: '데이터 증강',
      help: '데이터 증강(숫자 이미지만): 에포크마다 훈련 이미지를 최대 1픽셀 옮기고 최대 10° 돌립니다. 시드로 매번 새로 뽑고, dev와 test 이미지는 바꾸지 않습니다.',
      options: { none: '없음', shift: '이동 ±1픽셀', shift_rotate: '이동 ±1픽셀 + 회전 ±10°' },
    },
    epochs: { label: '에포크', help: '재생으로 학습할 에포크 수. 늘리면 학습이 이어집니다.' },
    speed: { label: '속도', help: '재생이 학습하는 빠르기: 초당 2, 10, 50 에포크, 또는 페이지가 할 수 있는 만큼(큰 신경망은 어느 속도보다 느림).', options: { slow: '느리게(초당 2 에포크)', steady: '보통(초당 10 에포크)', fast: '빠르게(초당 50 에포크)', max: '가능한 한 빠르게' } },
    bayes: { label: '베이즈 오차', help: '진단에 쓰는, 가능한 가장 낮은(인간 수준) 오차의 추정치.' },
    seed: { label: '시드', help: '데이터, 분할, 가중치, 미니배치 순서, 드롭아웃 마스크의 시드.' },
  },
  columns: {
    epoch: '에포크',
    step: '스텝',
    train_cost: '훈련 비용',
    train_error: '훈련 오차(비율)',
    dev_cost: 'dev 비용',
    dev_error: 'dev 오차(비율)',
    bayes_error: '베이즈 오차(비율)',
  },
  tables: {
    epoch: '마지막으로 평가한 에포크: 훈련과 dev의 비용과 오차, 진단에 쓴 베이즈 오차',
    epoch_no_dev: '마지막으로 평가한 에포크: 훈련의 비용과 오차, 진단에 쓴 베이즈 오차. dev 세트가 없어(dev 비율 0) dev 열은 비어 있습니다',
  },
  ui: {
    group: '학습',
    tools: '데이터와 프리셋',
    play: '재생',
    pause: '일시 정지',
    step: '스텝(미니배치 1개)',
    epoch: '1 에포크 진행',
    reset: '초기화',
    checkpoint: '체크포인트 저장',
    checkpoints: '체크포인트',
    restore: '되돌아가기',
    preset: '프리셋',
    load_preset: '프리셋 불러오기',
    csv: 'CSV 불러오기…',
    click_class: '클릭으로 추가할 클래스',
    diagnosis: '진단',
    units: '신경망의 유닛(화살표 키로 옮겨 다님)',
    unit_label: (u, sizes) => (u.layer === sizes.length - 1 ? `출력 유닛 ${u.unit + 1}` : `층 ${u.layer}, 유닛 ${u.unit + 1}`),
    readout_hint: '신경망의 유닛을 가리키거나 탭 키로 옮겨 가서 화살표 키를 쓰면 활성값 히스토그램과 들어오는 가중치가 보입니다.',
    counter_epoch: (d) => `에포크 ${d.epoch.toLocaleString('ko')}`,
    counter_rest: (d) => `/ ${d.epochs.toLocaleString('ko')} · 스텝 ${d.step.toLocaleString('ko')} (에포크당 ${d.steps_per_epoch}) · ` +
      `${{ playing: '학습 중', paused: '일시 정지', done: '완료', diverged: '발산', early_stopped: '조기 종료' }[d.status] ?? d.status}`,
    presets: {
      overfit_weight_decay: 'DLFS 과대적합: L2 사용',
      overfit_weight_decay_off: 'DLFS 과대적합: L2 없음',
      overfit_dropout: 'DLFS 과대적합: 드롭아웃 사용',
      overfit_dropout_off: 'DLFS 과대적합: 드롭아웃 없음',
      overfit_augment: '과대적합: 데이터 증강 사용',
      overfit_l1: 'DLFS 과대적합: L1(희소한 가중치)',
    },
    checkpoint_item: (c) => `#${c.id}: 에포크 ${c.epoch}, 스텝 ${c.step} (dev ${pct(c.dev_error)})`,
    diagnosis_text: (g) => {
      if (!g || g.error) return g?.error ?? '';
      const bias = `회피 가능 편향 ${pct(g.avoidable_bias)} (훈련 ${pct(g.train_error)} − 베이즈 ${pct(g.bayes_error)})`;
      // dev 세트가 없으면 편향만 잽니다: 이때 "good"은 회피 가능 편향이 높지 않다는 뜻입니다.
      const noDev = g.dev_error === null;
      const state = noDev && g.state === 'good' ? '회피 가능 편향이 높지 않음' : STATES[g.state] ?? g.state;
      const variance = noDev ? 'dev 세트가 없어(dev 비율 0) 분산은 재지 못함' : `분산 ${pct(g.variance)} (dev ${pct(g.dev_error)} − 훈련 ${pct(g.train_error)})`;
      const next = g.remedies.length ? ` 다음에 해 볼 것: ${g.remedies.map((r) => REMEDIES[r] ?? r).join('; ')}.` : ' 이 기준(5%포인트)에서는 고칠 것이 없습니다.';
      return `에포크 ${g.epoch}: ${state}. ${bias}; ${variance}.${next}`;
    },
  },
};
