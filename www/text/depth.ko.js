// view=depth 한국어 (seed 001: 기울기 소실과 폭발, 깊은 신경망의 가중치 초기화).
export default {
  title: '깊이: 사라지고 폭발하는 신호',
  nav: '기울기 소실과 폭발',
  caption: '깊은 신경망의 층마다 활성값(왼쪽)과 거꾸로 흐르는 기울기(오른쪽)의 크기를 로그 눈금으로 그렸습니다. 직선은 깊이에 대한 지수 함수입니다.',
  source: '시드 001 · 기울기 소실/폭발, 가중치 초기화',
  lead: '노트의 예: $g(z) = z$이고 모든 $W^{[l]} = 1.5I$인 깊은 신경망은 $a^{[L]} = 1.5^{L}x$를 계산하므로, 50층을 지나면 활성값이 입력의 ' +
    '$1.5^{50} ≈ 6 × 10^{8}$배가 됩니다. $0.5I$면 $0.5^{50} ≈ 9 × 10^{-16}$로 줄어듭니다. 거꾸로 가는 기울기도 맨 위에서부터 똑같이 됩니다. ' +
    '무작위 가중치도 평균적으로 같습니다: 층마다 제곱평균이 $n\\mathrm{Var}(W)$배가 되므로, 초기화에서 $\\mathrm{Var}(W) = 1/n$ (ReLU면 $2/n$)로 둡니다.',
  steps: [
    { text: '노트의 선형 신경망: $W = 1.5I$면 활성값은 $1.5^{l}$로, 층 $l$에 닿는 기울기는 $1.5^{L-l}$로 커집니다. 로그 축에서 직선이고, 점선인 닫힌 식과 정확히 겹칩니다. $0.5I$는 아래로 대칭입니다.', set: 'show=identity' },
    { text: '유닛마다 입력이 $n = 100$개인 무작위 가중치 $W \\sim N(0, 1)$: 층마다 크기가 약 $\\sqrt{n} = 10$배, 열 층마다 열 자릿수씩 커집니다. $σ = \\sqrt{1/n}$이면 그대로 유지됩니다.', set: 'show=init' },
    { text: 'ReLU는 유닛의 절반을 0으로 만들어 제곱평균의 절반만 남깁니다: $σ = \\sqrt{1/n}$이면 신호가 층마다 $1/\\sqrt{2}$배로 줄고, He의 $σ = \\sqrt{2/n}$이 잃은 절반을 메워 그대로 유지합니다.', set: 'show=init&activation=relu' },
    { text: 'sigmoid의 기울기는 최대 $\\frac{1}{4}$입니다: $σ = \\sqrt{1/n}$이면 기울기가 층마다 약 4분의 1로 줄어, 입력에 닿을 때는 맨 위의 약 $10^{-32}$입니다. 이것이 기울기 소실입니다. ($N(0, 1)$인 tanh는 반대로 놀랍습니다: 활성값은 유계인데 기울기는 폭발합니다.)', set: 'show=init&activation=sigmoid' },
    { text: '층이 적으면 효과도 작습니다: $L$층 뒤의 크기는 $\\text{배율}^{L}$이라 10층이면 $1.5^{10} ≈ 58$로 아직 쓸 만합니다. 층마다의 배율을 중요하게 만드는 것은 깊이입니다.', set: 'layers=10' },
  ],
  params: {
    activation: {
      label: '활성화 함수',
      help: '모든 층에 같은 g(z).',
      options: { linear: '선형 g(z) = z', relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
    },
    show: {
      label: '보일 가중치',
      help: '노트의 배율 단위행렬, 무작위 초기화 셋, 또는 다섯 모두.',
      options: { all: '다섯 모두', identity: 'W = 1.5 I와 0.5 I', init: 'N(0, 1), √(1/n), √(2/n)' },
    },
    layers: { label: '층 수', help: '신경망의 깊이 L (최대 50).' },
    width: { label: '층별 유닛', help: '모든 층과 입력의 너비 n (최대 256).' },
    up: { label: '1보다 큰 배율', help: '이 s로 W = s·I (노트: 1.5).' },
    down: { label: '1보다 작은 배율', help: '이 s로 W = s·I (노트: 0.5).' },
    samples: { label: '입력 수', help: '크기를 평균할 무작위 입력 행 x ~ N(0, 1)의 수.' },
    seed: { label: '시드', help: '입력, 무작위 가중치, 맨 위 기울기의 시드.' },
  },
  tables: {
    schemes: '가중치마다 배율, 층별 배율의 식과 측정값, 양 끝의 크기',
  },
  columns: {
    weights: '가중치',
    factor: '배율 또는 표준편차',
    expected_gain: '층별 배율 (식)',
    measured_gain: '층별 배율 (측정)',
    top_activation: '맨 위 활성값',
    input_gradient: '입력의 기울기',
  },
  rows: {
    up: 'W = s·I, s > 1', down: 'W = s·I, s < 1', normal: 'N(0, 1)', xavier: 'Xavier √(1/n)', he: 'He √(2/n)',
  },
};
