// view=gradcheck 한국어 (seed 004: 기울기 검사).
export default {
  title: '기울기 검사',
  nav: '기울기 검사',
  caption: '파라미터 텐서마다 막대 하나: 역전파의 기울기가 양쪽 차분과 얼마나 다른지를 로그 척도로, 노트의 기준 구간 위에 보입니다.',
  source: 'Seed 004 · 기울기 검사',
  lead: '역전파는 미묘하게 틀리기 쉽습니다. 기울기 검사는 파라미터 $\\theta_i$를 하나씩 $\\pm\\varepsilon$만큼 움직여 ' +
    '$d\\theta_{approx,i} = \\frac{J(\\theta + \\varepsilon e_i) - J(\\theta - \\varepsilon e_i)}{2\\varepsilon}$로 도함수를 추정하고, 역전파가 계산한 기울기와 ' +
    '$\\frac{\\lVert d\\theta_{approx} - d\\theta\\rVert_2}{\\lVert d\\theta_{approx}\\rVert_2 + \\lVert d\\theta\\rVert_2}$로 비교합니다. ' +
    '$10^{-7}$ 정도 이하면 정상, $10^{-5}$면 다시 확인, $10^{-3}$ 이상이면 버그일 가능성이 큽니다. 막대에 마우스를 올리거나 누르면(또는 그림에 초점을 두고 화살표 키를 쓰면) 숫자가 보입니다.',
  steps: [
    { text: '역전파가 맞으면 모든 막대가 $10^{-7}$보다 훨씬 아래, $10^{-9}$ 근처에 있습니다.', set: '' },
    { text: '1층 $g\'$의 부호 오류: W1과 b1이 빨간 구간으로 뛰어오르고 W2부터는 초록으로 남습니다.', set: 'bug=activation_sign' },
    { text: '$dW$에서 L2 항 누락($\\lambda = 0.7$): 모든 W가 빨갛게 되고 편향은 초록으로 남습니다.', set: 'l2=0.7&bug=missing_l2_gradient' },
    { text: '계산할 때마다 마스크를 새로 뽑는 드롭아웃(유지 확률 0.8): 코드가 맞아도 검사가 실패합니다.', set: 'keep_prob=0.8' },
    { text: '같은 드롭아웃에 마스크를 고정하면 검사가 다시 통과합니다.', set: 'keep_prob=0.8&freeze_masks=1' },
    { text: '$\\varepsilon = 10^{-2}$: $\\varepsilon^2$에 비례하는 차분 몫의 오차 때문에 모든 막대가 $10^{-5}$ 근처로 올라갑니다.', set: 'epsilon=0.01' },
  ],
  notice: [
    '역전파가 맞으면 모든 막대가 $10^{-7}$보다 훨씬 아래, 초록 구간에 있습니다. 양쪽 차분이 배정밀도가 허락하는 만큼의 자릿수까지 역전파와 일치합니다.',
    '버그를 심으면 그 버그가 닿는 텐서만 $10^{-3}$ 이상의 빨간 구간으로 뛰어오릅니다. 이렇게 검사가 고칠 층을 가리킵니다. ' +
      '1층 활성화 도함수의 부호가 틀리면 W1과 b1은 망가지지만 W2는 멀쩡합니다.',
    '드롭아웃을 켜고(유지 확률 1 미만) 마스크를 매번 새로 뽑으면, $J$를 계산할 때마다 다른 유닛이 꺼집니다. ' +
      '$J(\\theta+\\varepsilon)$와 $J(\\theta-\\varepsilon)$가 서로 다른 신경망에서 나오므로 코드가 맞아도 검사가 실패합니다. ' +
      '그래서 검사는 드롭아웃을 끄고, 여기서는 마스크를 고정하고 합니다.',
    '$\\varepsilon$도 중요합니다. 너무 크면($10^{-2}$) 차분 몫이 치우치고(오차가 $\\varepsilon^2$에 비례), 너무 작으면($10^{-10}$) $J(\\theta\\pm\\varepsilon)$의 반올림 오차가 커집니다. ' +
      '검사는 파라미터마다 순전파를 두 번 하므로 느립니다. 디버깅할 때 한 번만 하고 학습 중에는 하지 않습니다.',
  ],
  params: {
    layers: { label: '은닉층 수', help: '은닉층 0~4개 (입력 4, 출력 3, 예제 8개).' },
    units: { label: '층별 유닛 수', help: '은닉층마다 유닛 1~16개.' },
    activation: {
      label: '활성화 함수',
      help: '은닉층의 활성화 함수입니다.',
      options: { sigmoid: '시그모이드', tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', linear: '선형' },
    },
    output: {
      label: '출력과 손실',
      help: '출력층의 활성화와 그 손실 함수입니다.',
      options: { softmax: '소프트맥스 + 교차 엔트로피', sigmoid: '시그모이드 + 이진 교차 엔트로피', linear: '선형 + 제곱 오차' },
    },
    batch_norm: { label: '배치 정규화', help: '활성화 전에 은닉층을 정규화합니다 (gamma와 beta가 편향을 대신합니다).' },
    l2: { label: 'L2 강도 λ', help: '비용에 λ/(2m)·Σ||W||², 가중치 기울기에 λ/m·W를 더합니다.' },
    keep_prob: { label: '드롭아웃 유지 확률', help: '1이면 드롭아웃을 하지 않습니다.' },
    freeze_masks: { label: '드롭아웃 마스크 고정', help: 'J를 계산할 때마다 같은 마스크를 씁니다.' },
    bug: {
      label: '버그 심기',
      help: '역전파에 일부러 넣는 실수입니다.',
      options: {
        none: '없음',
        activation_sign: '1층 g′의 부호 오류',
        missing_l2_gradient: 'dW에서 L2 항 누락',
        bias_not_averaged: '1층 db를 m으로 나누지 않음',
        dropout_mask_ignored: '역전파에서 드롭아웃 마스크 누락',
      },
    },
    epsilon: { label: 'ε (차분 간격)', help: '양쪽 차분에서 움직이는 크기입니다 (노트에서는 1e-7).' },
    seed: { label: '시드', help: '가중치, 배치, 드롭아웃 마스크의 시드입니다.' },
  },
  tables: {
    groups: '파라미터 텐서별 상대 차이 (마지막 행: 전체 파라미터)',
  },
  columns: {
    tensor: '텐서',
    entries: '원소 수',
    rel_diff: '상대 차이',
    max_abs_diff: '가장 큰 |dθ_approx − dθ|',
  },
  rows: {
    all: '전체 파라미터',
  },
  readout_hint: '화살표 키: 위와 아래로 막대 사이를 옮겨 다닙니다.',
};
