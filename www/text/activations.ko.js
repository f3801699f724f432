// view=activations 한국어 (seed 004: DLFS weight_init_activation_histogram; 배치 정규화; 기울기 소실과 폭발).
export default {
  title: '층마다의 활성값: 가중치 초기화와 배치 정규화',
  nav: '활성값, 초기화, 배치 정규화',
  caption: '히스토그램 하나가 한 층의 활성값입니다. 같은 가중치로 배치 정규화 없이(파랑), 활성화 함수 앞마다 배치 정규화를 넣고(초록) 계산했습니다.',
  source: 'Seed 001, 004 · DLFS 6.2–6.3절',
  lead: 'DLFS의 실험입니다. $N(0, 1)$에서 뽑은 100개 숫자로 된 입력 1,000개가 편향 없는 100 유닛짜리 층 다섯 개를 지납니다: ' +
    '$z = aW$, $a = g(z)$, 가중치는 $N(0, \\sigma^2)$에서 뽑습니다. 히스토그램 하나가 한 층의 활성값입니다. ' +
    '두 번째 조건은 먼저 각 유닛의 $z$를 배치에 대해 정규화합니다: $z_{norm} = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}}$. ' +
    '초기화를 바꾸며 모양을 보세요. 막대에 마우스를 올리거나 누르면(또는 그림에 초점을 두고 화살표 키를 쓰면) 개수가 보입니다.',
  steps: [
    { text: '$\\sigma = 1$인 가중치와 시그모이드: 출력이 0과 1에 몰립니다. 그곳의 기울기 $g\'(z) = a(1-a)$는 거의 0입니다.', set: '' },
    { text: '$\\sigma = 0.01$: 모든 출력이 0.5 근처에 머물고 모든 유닛이 같은 말을 합니다.', set: 'init=std001' },
    { text: 'Xavier, $\\sigma = \\sqrt{1/n}$: 다섯 층을 지나도 퍼짐이 살아남습니다.', set: 'init=xavier' },
    { text: 'ReLU와 He, $\\sigma = \\sqrt{2/n}$: 출력의 절반은 0이고, 나머지는 층을 지나도 퍼짐을 유지합니다.', set: 'activation=relu&init=he' },
    { text: '$\\sigma = 0.01$에서 역전파: 배치 정규화가 없으면 $|dJ/dz|$가 1층으로 갈수록 몇 자릿수씩 줄고, 있으면 그대로입니다.', set: 'init=std001&direction=backward' },
    { text: '$\\sigma = 1$인 ReLU 층 열 개: 배치 정규화가 없으면 값이 폭발하고, 있으면 모든 층이 비슷합니다.', set: 'activation=relu&layers=10' },
  ],
  notice: [
    '표준편차 1인 가중치와 시그모이드: 유닛마다 입력 100개를 더하므로 $z$의 표준편차가 약 $10 \\cdot 0.7$로 시그모이드가 휘는 구간을 훨씬 벗어납니다. ' +
      '출력이 0과 1에 몰리고(포화), 그곳의 기울기 $g\'(z) = a(1-a)$는 거의 0이라 기울기가 소실됩니다. “역전파”로 바꾸면 ' +
      '$|dJ/dz|$가 첫 층으로 갈수록 몇 자릿수씩 줄어드는 것이 보입니다.',
    '표준편차 0.01인 가중치: $z$가 아주 작아서 모든 시그모이드가 0.5에 머물고, 모든 유닛이 같은 말을 합니다. 포화는 없지만 ' +
      '층의 표현력이 사라지고, 기울기도 층마다 줄어듭니다.',
    'Xavier(강의의 $\\sqrt{1/n}$)와 Glorot($\\sqrt{2/(n_{in}+n_{out})}$)은 층마다 $z$의 분산을 1 가까이 유지해 퍼짐이 살아남습니다. ' +
      'ReLU에서는 유닛의 절반이 0을 내놓는데, He의 $\\sqrt{2/n}$이 잃어버린 절반을 메워 층을 지나도 퍼짐을 유지합니다.',
    '배치 정규화(아래 줄)는 가중치가 어떻든 활성화 전에 각 유닛의 $z$를 배치에 대해 평균 0, 분산 1로 정규화합니다. ' +
      '그래서 초기화가 달라도 히스토그램이 비슷하고, 배치 정규화를 쓰면 학습이 초기화에 훨씬 덜 민감해집니다.',
  ],
  params: {
    activation: { label: '활성화 함수', help: '모든 층에 같은 활성화 함수를 씁니다.', options: { sigmoid: '시그모이드', tanh: 'tanh', relu: 'ReLU' } },
    init: {
      label: '초기화',
      help: 'N(0, σ²) 가중치의 표준편차 σ. n은 층의 입력 수입니다.',
      options: {
        std1: 'σ = 1', std001: 'σ = 0.01', xavier: '강의의 “Xavier” σ = √(1/n)', glorot: 'Glorot σ = √(2/(n_in+n_out))',
        he: 'He σ = √(2/n)', custom: '직접 정한 σ(아래)',
      },
    },
    std: { label: '직접 정한 σ', help: '초기화가 “직접 정한 σ”일 때 쓰입니다. 슬라이더는 로그 척도입니다.' },
    layers: { label: '층 수', help: '은닉층 수, 최대 10.' },
    units: { label: '층마다 유닛 수', help: '입력의 너비이기도 합니다. 최대 500, 슬라이더는 로그 척도입니다.' },
    samples: {
      label: '샘플 수',
      help: '입력 배치의 행 수, 최대 5,000 (샘플 × 유닛 × 층 ≤ 500만). DLFS의 크기보다 크면 이전 그림을 둔 채 프레임마다 조금씩 계산합니다.',
    },
    direction: {
      label: '보기',
      help: '순전파: 활성값. 역전파: 무작위 상류 기울기에 대한 층마다의 |dJ/dz| (로그 척도).',
      options: { forward: '순전파: 활성값', backward: '역전파: 기울기' },
    },
    seed: { label: '시드', help: '입력, 가중치, 상류 기울기의 시드.' },
  },
  tables: {
    layers: '층마다: 활성값의 평균, 표준편차, 포화 비율, 배치 정규화 없이와 함께',
  },
  columns: {
    layer: '층',
    plain_mean: 'a의 평균, BN 없이',
    plain_std: 'a의 표준편차, BN 없이',
    plain_saturated: '포화 비율, BN 없이',
    plain_zero: '0인 비율, BN 없이',
    plain_grad_mean_abs: '|dJ/dz|의 평균, BN 없이',
    batch_norm_mean: 'a의 평균, BN과 함께',
    batch_norm_std: 'a의 표준편차, BN과 함께',
    batch_norm_saturated: '포화 비율, BN과 함께',
    batch_norm_zero: '0인 비율, BN과 함께',
    batch_norm_grad_mean_abs: '|dJ/dz|의 평균, BN과 함께',
  },
  readout_hint: '화살표 키: 왼쪽과 오른쪽은 한 히스토그램의 막대 사이를, 위와 아래는 히스토그램 사이를 옮겨 다닙니다.',
  computing: '새 실험을 계산하는 중입니다. 준비될 때까지 이전 그림을 보여 줍니다…',
  computed: (ms, frames) => (frames
    ? `새 실험을 입력 처리와 따로 ${Math.round(ms)} ms 만에 계산했습니다(${frames} 프레임). 그동안 이전 그림이 남아 있었습니다.`
    : `${Math.round(ms)} ms 만에 계산하고 그렸습니다.`),
};
