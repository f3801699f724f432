// view=optimizers 한국어 (seed 001: 모멘텀, RMSprop, Adam, 학습률 감쇠, 지역 최적값; seed 004: DLFS의 SGD·모멘텀·AdaGrad·Adam 비교).
// 수식은 TeX($…$, 빌드할 때 조판), 알고리즘 이름은 경로와 같은 색.
const lr = (name) => ({ label: `${name}: 학습률`, help: '0보다 커야 합니다. 너무 크면 경로가 발산합니다(경로가 멈추고 범례에 표시됩니다).' });
const SGD = '$\\textcolor{#0072b2}{\\text{SGD}}$';
const MOMENTUM = '$\\textcolor{#d55e00}{\\text{모멘텀}}$';
const ADAM = '$\\textcolor{#56b4e9}{\\text{Adam}}$';
export default {
  title: '손실 곡면 위의 최적화 알고리즘',
  nav: '최적화 알고리즘과 학습률 감쇠',
  caption: '최적화 알고리즘들이 2차원 손실 곡면의 한 출발점에서 경주합니다. 등고선 위의 경로, 단계별 손실, 학습률 일정을 보여 줍니다.',
  source: 'Seed 001 · DLFS 6장 (그림 6-8)',
  lead: '각 최적화 알고리즘은 신경망의 가중치를 갱신하는 바로 그 코드를 두 숫자 $(x, y)$에 적용한 것입니다. ' +
    '모두 같은 곡면의 같은 점에서 출발합니다. 등고선은 골짜기 모양을, 오른쪽 그래프는 단계별 손실(로그 척도)과 학습률 일정을 보여 줍니다. ' +
    '등고선 그림에서 출발점을 끌어 옮기고(그림에 초점을 두고 화살표 키를 써도 됩니다), 경로 위에 포인터를 올리면 그 단계와 손실이 나옵니다.',
  steps: [
    { text: `그릇 $f = x^2/20 + y^2$ 위의 ${SGD}: 가파른 $y$ 방향으로 지그재그로 튕깁니다.`,
      set: 'momentum=0&adagrad=0&adam=0' },
    { text: `${MOMENTUM}, $v = βv + (1-β)dW$: 골짜기를 가로지르는 튕김이 상쇄됩니다.`,
      set: 'adagrad=0&adam=0&convention=ng&lr_momentum=1' },
    { text: `${ADAM}, $W := W - α\\frac{v}{\\sqrt{s}+ε}$: 거의 곧장 최솟값으로 갑니다.`,
      set: 'momentum=0&adagrad=0' },
    { text: `$α = 1.2$인 ${SGD}: 매 단계 $y$에 $1 - 2α = -1.4$가 곱해져 발산합니다.`,
      set: 'momentum=0&adagrad=0&adam=0&lr_sgd=1.2&steps=60' },
    { text: '기울기 잡음과 감쇠 $α = 0.95^{t} α_0$: 맴돌던 경로가 자리를 잡습니다.',
      set: 'momentum=0&adagrad=0&adam=0&noise=1&schedule=exponential&steps=150' },
    { text: `안장 $(x^2 - y^2)/20$: ${SGD}는 50단계 동안 능선을 기어가고 ${ADAM}은 4단계 만에 벗어납니다.`,
      set: 'surface=saddle&y0=0.01&momentum=0&adagrad=0&steps=80' },
  ],
  notice: [
    '골짜기를 가로지르는 지그재그: $x^2/20 + y^2$에서는 골짜기를 가로지르는 방향($y$)의 기울기가 골짜기를 따라가는 방향($x$)보다 20배 가파릅니다. ' +
      '$x$ 방향으로 나아갈 만큼 큰 보폭의 SGD는 $y$ 방향에서 매번 지나쳐서 벽과 벽 사이를 튕깁니다 ' +
      '(학습률 0.95이면 $y$ 좌표는 매 단계 $-0.9$배가 되어 부호가 바뀌고), $x$는 단계마다 9.5%씩만 줄어듭니다.',
    '모멘텀은 기울기를 평균합니다. 골짜기를 가로지르는 튕김은 방향이 번갈아 바뀌어 서로 상쇄되고, 골짜기를 따라가는 꾸준한 힘은 쌓입니다. ' +
      '대가는 지나침입니다. 속도 때문에 점이 최솟값을 지나쳤다가 되돌아옵니다. 마찰이 작은 공과 같습니다. ' +
      'β가 클수록 기억이 길고, 더 빠르고, 더 많이 지나칩니다.',
    '좌표마다 다른 보폭: AdaGrad, RMSprop, Adam은 각 좌표의 보폭을 그 좌표의 기울기 제곱 평균의 제곱근으로 나눕니다. ' +
      '가파른 $y$ 방향은 작게, 완만한 $x$ 방향은 크게 움직이므로 경로가 거의 곧장 최솟값으로 향합니다. ' +
      'Adam의 첫 단계는 기울기 크기와 상관없이 모든 좌표에서 학습률만큼($\\mathrm{lr} \\cdot \\operatorname{sign}(g)$)입니다. AdaGrad의 합은 잊지 않으므로 보폭이 계속 줄어들고, ' +
      'RMSprop과 Adam은 지수가중평균을 써서 계속 움직입니다.',
    '모멘텀을 쓰는 두 방식: 강의의 $v = βv + (1-β)g$, $W := W - αv$와 DLFS/PyTorch의 $v = μv - \\mathrm{lr} \\cdot g$, $W := W + v$. ' +
      '$\\mathrm{lr} = (1-β)α$이면 같은 경로를 그립니다. 표기법을 바꾸고 학습률을 10으로 나누거나 곱해($β = 0.9$) 확인해 보세요.',
    '안장점 탈출: 안장 곡면에서 $y = 0$ 근처(예: $y_0 = 0.01$)에서 출발해 보세요. 능선을 가로지르는 기울기가 아주 작아서 SGD는 ' +
      '한참 동안 능선을 따라 기어가다가 떨어집니다. 모멘텀과 Adam은 속도를 붙여(Adam은 작은 기울기를 키워서) 훨씬 빨리 벗어납니다. ' +
      '고차원에서 기울기가 0인 점은 대부분 이런 안장점이지 지역 최솟값이 아닙니다.',
    '학습률 감쇠: 기울기 잡음(미니배치 잡음의 대역)이 있으면 학습률이 일정할 때 점이 최솟값 주변을 계속 맴돕니다. ' +
      '감쇠 일정($α_0/(1 + \\text{decay} \\cdot t)$, $0.95^{t} α_0$, $k α_0/\\sqrt{t}$, 계단식)을 쓰면 자리를 잡습니다. 여기서는 한 단계를 한 에폭으로 셉니다.',
    '여러 최솟값: 물결 모양 곡면에서 작은 학습률은 가장 가까운 웅덩이에 자리 잡고, 모멘텀은 얕은 웅덩이를 굴러 넘어갈 수 있습니다.',
  ],
  params: {
    surface: {
      label: '곡면',
      help: '손실 f(x, y). Rosenbrock은 창 안에 맞게 크기를 조절했습니다(최솟값 (5, 0)).',
      options: {
        bowl: '길쭉한 그릇 x²/20 + y² (DLFS)',
        rotated: '회전한 이차식 (조건수)',
        rosenbrock: 'Rosenbrock 바나나 골짜기',
        saddle: '안장 (x² − y²)/20',
        multimodal: '여러 최솟값',
      },
    },
    condition: { label: '조건수', help: '회전한 이차식에서만: 가장 가파른 곡률과 가장 완만한 곡률의 비.' },
    x0: { label: '출발 x', help: '등고선 그림에서 출발점을 끌어도 됩니다(화살표 키로도 옮겨집니다).' },
    y0: { label: '출발 y', help: '등고선 그림에서 출발점을 끌어도 됩니다(화살표 키로도 옮겨집니다).' },
    steps: { label: '단계 수', help: '최대 10,000. 한 단계, 재생, 처음으로 버튼이 이 값을 바꿉니다.' },
    convention: {
      label: '모멘텀 표기법',
      help: '모멘텀, Nesterov, Adam을 쓰는 방식(과 기본 ε: DLFS 1e-7, 강의 1e-8).',
      options: { dlfs: 'DLFS / PyTorch: v = μv − lr·g; W += v', ng: '강의(Ng): v = βv + (1−β)g; W −= αv' },
    },
    sgd: { label: 'SGD (확률적 경사 하강법)', help: 'W −= lr·g.' },
    lr_sgd: lr('SGD'),
    momentum: { label: '모멘텀', help: '무거운 공: 기울기의 이동 평균.' },
    lr_momentum: lr('모멘텀'),
    momentum_beta: { label: '모멘텀: β (μ)', help: '과거의 가중치, [0, 1) 범위. 0.9는 약 10단계를 평균합니다.' },
    nesterov: { label: 'Nesterov 모멘텀', help: '앞을 내다보는 모멘텀: W += μ²v − (1+μ)·lr·g; v = μv − lr·g.' },
    lr_nesterov: lr('Nesterov'),
    nesterov_beta: { label: 'Nesterov 모멘텀: μ', help: '[0, 1) 범위.' },
    adagrad: { label: 'AdaGrad 사용', help: 'h += g²; W −= lr·g/(√h + 1e-7).' },
    lr_adagrad: lr('AdaGrad'),
    rmsprop: { label: 'RMSprop 사용', help: 's = β₂s + (1−β₂)g²; W −= lr·g/(√s + ε).' },
    lr_rmsprop: lr('RMSprop'),
    rmsprop_beta2: { label: 'RMSprop 감쇠: β₂ (ρ)', help: '[0, 1) 범위. DLFS는 0.99를 씁니다.' },
    adam: { label: 'Adam 사용', help: '모멘텀과 RMSprop을 합치고 편향 보정을 더한 것.' },
    lr_adam: lr('Adam'),
    adam_beta1: { label: 'Adam 모멘텀: β₁', help: '[0, 1) 범위. 기본 0.9.' },
    adam_beta2: { label: 'Adam 감쇠: β₂', help: '[0, 1) 범위. 기본 0.999.' },
    bias_correction: { label: 'Adam 편향 보정', help: '1−β₁ᵗ와 1−β₂ᵗ로 나눕니다(DLFS는 학습률에 합쳐 넣습니다).' },
    layout: {
      label: '배치',
      help: '모든 경로를 한 그림에, 또는 알고리즘마다 작은 그림 하나씩(DLFS 그림처럼).',
      options: { overlay: '한 그림에 모든 경로', multiples: '작은 그림 여러 개' },
    },
    schedule: {
      label: '학습률 일정',
      help: '모든 알고리즘에 적용: 단계 t의 학습률 = schedule(t) × 각자의 학습률.',
      options: {
        constant: '일정',
        inverse_time: 'α₀ / (1 + decay·epoch)',
        exponential: 'base^epoch · α₀',
        inverse_sqrt: 'k / √epoch · α₀',
        staircase: '계단식 (n 에폭마다 × 감소율)',
      },
    },
    decay_rate: { label: '감쇠율', help: 'α₀ / (1 + decay·epoch)에 쓰입니다.' },
    decay_base: { label: '지수 감쇠의 밑', help: 'base^epoch · α₀에 쓰입니다(강의는 0.95).' },
    decay_k: { label: 'k (√epoch 감쇠)', help: 'k / √epoch · α₀에 쓰입니다.' },
    stair_drop: { label: '계단 감소율', help: '계단마다 학습률에 이 값을 곱합니다.' },
    stair_every: { label: '계단 길이(에폭)', help: '한 계단의 에폭 수.' },
    noise: { label: '기울기 잡음', help: '기울기의 각 좌표에 더하는 가우시안 잡음의 표준편차(미니배치 추정처럼).' },
    seed: { label: '시드', help: '기울기 잡음의 시드. 모든 알고리즘이 같은 잡음을 받습니다.' },
    grid: { label: '등고선 격자', help: '등고선을 그리는 격자의 한 변의 점 수.' },
  },
  tables: {
    race: '각 알고리즘이 도착한 곳',
  },
  columns: {
    optimizer: '최적화 알고리즘', lr: '학습률 α', steps: '단계 수', x: '끝 x', y: '끝 y', loss: '마지막 손실 f',
  },
  rows: {
    diverged: (a) => `${a.name} (${a.step}단계에서 발산)`,
  },
  ui: {
    race: '경주',
    optimizers: '최적화 알고리즘',
    step: '한 단계',
    play: '재생',
    pause: '일시 정지',
    reset: '처음으로',
    preset: 'DLFS 비교',
    playing: (n) => `${n}단계`,
    moved: (x, y) => `출발점을 (${x}, ${y})로 옮겼습니다.`,
    settings: (lr) => `설정 · 학습률 ${lr}`,
    keys: '등고선 그림: 출발점을 끌거나 화살표 키를 쓰세요(Shift: 1씩).',
    point: (o, f) => `${o.name}, ${o.step}단계: 손실 ${f(o.loss)}, 위치 (${f(o.x)}, ${f(o.y)})${o.lr === null ? '' : `, 학습률 ${f(o.lr)}`}`,
  },
};
