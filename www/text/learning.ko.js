// view=learning 한국어 (seed 004: DLFS 6장, optimizer_compare_mnist와 weight_init_compare를 8×8 숫자로).
export default {
  title: '학습 곡선: 옵티마이저, 초깃값, 데이터 증강',
  nav: '학습 곡선',
  caption: '실행마다 미니배치별 손실(가는 선)과 평활한 곡선(굵은 선)입니다. 점선은 찍기만 하는 신경망의 손실 ln 10입니다. 데이터 증강 패널은 대신 에포크별 정확도를 보여 줍니다: 훈련은 실선, dev는 점선.',
  source: '시드 004 · DLFS 6장 (optimizer_compare_mnist, weight_init_compare)',
  lead: 'DLFS는 ReLU 유닛 100개짜리 은닉층 4개인 신경망 하나를 MNIST로 SGD($\\mathrm{lr}=0.01$), 모멘텀(0.01, $μ=0.9$), ' +
    'AdaGrad(0.01), Adam(0.001)으로 미니배치 128개씩 2,000번 학습시키고, SGD가 가장 느리고 나머지 셋은 비슷하며 AdaGrad가 조금 앞선다고 보고합니다. ' +
    '세 가지 초깃값에서 SGD로 학습시키면 표준편차 0.01은 전혀 학습하지 못하고 Xavier와 He는 학습하며 He가 더 빠르다고 합니다. ' +
    '여기서는 같은 신경망이 숫자 1,797개를 모든 실행에서 같은 초깃값, 같은 미니배치로 학습합니다: 이번에도 SGD가 가장 높게 끝나고 ' +
    '(평활 손실 약 0.07, 나머지는 0.002 이하, 시드 1), 표준편차 0.01은 $\\ln 10 ≈ 2.30$에 머물며, He(0.07)가 Xavier(0.12)보다 낮게 끝납니다. ' +
    '일곱 실행은 서로 독립이라 코어마다 하나씩 병렬 웹 워커에서 돌아갑니다.',
  steps: [
    { text: '같은 초깃값, 같은 미니배치에서 출발한 네 옵티마이저를 보세요: $W ← W - η\\frac{∂L}{∂W}$ (SGD)가 가장 느리고, 모멘텀, AdaGrad, Adam은 몇 자릿수 아래로 내려갑니다.', set: 'compare=optimizers' },
    { text: 'DLFS처럼 선형 축으로 그리면 SGD를 빼고는 수백 번 반복 안에 모두 0 근처입니다. 로그 축이 아직 얼마나 떨어져 있는지 보여 줍니다.', set: 'compare=optimizers&axis=linear' },
    { text: '초깃값: $W \\sim N(0, 0.01^2)$이면 신호가 네 층을 지나며 사라져 손실이 $\\ln 10$에 머뭅니다. 아무것도 배우지 못합니다. Xavier($σ = \\sqrt{1/n}$)와 He($σ = \\sqrt{2/n}$)는 학습하고, ReLU용인 He가 더 빠릅니다.', set: 'compare=init' },
    { text: '초깃값 실행을 sigmoid로 바꿔 보세요: Xavier의 $\\sqrt{1/n}$이 S자 곡선을 위한 것입니다. 표준편차 0.01은 여전히 배우지 못하고, 모든 실행이 ReLU보다 느립니다.', set: 'compare=init&init_activation=sigmoid' },
    { text: '데이터 증강(따로 보는 패널): DLFS의 훈련 숫자 300개를 에포크마다 최대 1픽셀 옮기고 최대 10° 돌립니다. 증강이 없으면 훈련 정확도(실선)가 dev(점선)에서 멀어지고, 증강하면 차이가 줄지만 SGD는 더 어려워진 문제를 훨씬 느리게 배웁니다(100 에포크 뒤: 차이 8.8 → 6.3%p, dev 89% → 61%).', set: 'compare=augment' },
    { text: '가는 선은 128개짜리 미니배치마다의 손실입니다. 단계마다 다른 숫자를 보므로 들쭉날쭉합니다. DLFS의 smooth_curve는 이웃 11개를 카이저 가중치($β = 2$)로 평균해 굵은 선을 만듭니다.', set: 'iterations=500' },
  ],
  params: {
    compare: {
      label: '비교',
      help: '학습시키고 그릴 실행: 옵티마이저, 초깃값, 또는 둘 다. 또는 따로, DLFS 과대적합 설정에서의 데이터 증강.',
      options: { both: '옵티마이저와 초깃값', optimizers: '옵티마이저 넷', init: '초깃값 셋', augment: '데이터 증강 (과대적합)' },
    },
    iterations: { label: '반복 횟수', help: '실행마다 미니배치 단계 수 (DLFS: 2,000).' },
    epochs: { label: '에포크', help: '증강 실행마다의 에포크 수. 에포크마다 미니배치 100개씩 3번 (DLFS는 201).' },
    init_activation: {
      label: '활성화 함수 (초깃값 실행)',
      help: '초깃값 실행 세 개의 은닉층 활성화 함수입니다. 옵티마이저 실행은 언제나 ReLU입니다.',
      options: { relu: 'ReLU (DLFS)', sigmoid: 'sigmoid' },
    },
    batch: { label: '미니배치', help: '단계마다 복원 추출하는 숫자 수. 모든 실행이 같은 추출을 씁니다 (DLFS: 128).' },
    axis: { label: '손실 축', help: '로그 눈금(자릿수 차이) 또는 DLFS처럼 0부터의 선형 눈금.', options: { log: '로그 눈금', linear: '선형' } },
    layers: { label: '은닉층', help: '신경망의 은닉층 수 (DLFS: 4).' },
    units: { label: '층별 유닛', help: '은닉층마다의 너비 (DLFS: 100).' },
    sgd_lr: { label: 'SGD 학습률', help: 'DLFS: 0.01.' },
    momentum_lr: { label: '모멘텀 학습률', help: 'DLFS: 0.01, v ← μv − η∂L/∂W, W ← W + v.' },
    momentum: { label: '모멘텀 μ', help: 'DLFS: 0.9.' },
    adagrad_lr: { label: 'AdaGrad 학습률', help: 'DLFS: 0.01.' },
    adam_lr: { label: 'Adam 학습률', help: 'DLFS: 0.001, β₁ = 0.9, β₂ = 0.999.' },
    init_lr: { label: 'SGD 학습률 (초깃값 실행)', help: '초깃값 실행 세 개의 학습률 (DLFS: 0.01).' },
    workers: { label: '워커', help: '웹 워커 최대 개수(코어마다 하나). 0이면 이 페이지에서 학습합니다.' },
    seed: { label: '시드', help: '초깃값과 미니배치의 시드. 모든 실행에 같습니다.' },
  },
  tables: {
    runs: '실행마다 마지막 평활 손실과 처음 0.5까지 내려간 반복',
    augment: '증강마다 마지막 에포크 뒤의 정확도: 원래의 훈련 숫자 300개와 dev 숫자 1,497개',
  },
  columns: {
    run: '실행',
    iterations: '진행한 반복',
    smoothed_loss: '평활 손실',
    to_half: '손실 0.5까지 반복',
    epochs: '진행한 에포크',
    train_accuracy: '훈련 정확도',
    dev_accuracy: 'dev 정확도',
    gap: '차이 (훈련 − dev)',
  },
  rows: {
    sgd: 'SGD', momentum: '모멘텀', adagrad: 'AdaGrad', adam: 'Adam',
    std001: '표준편차 0.01', xavier: 'Xavier √(1/n)', he: 'He √(2/n)',
    none: '증강 없음', shift: '이동 ±1픽셀', shift_rotate: '이동 ±1픽셀 + 회전 ±10°',
  },
  ui: {
    mode_workers: (n) => `웹 워커 ${n}개`,
    mode_page: '이 페이지에서 (웹 워커 없음)',
    worker_failed: '워커를 쓸 수 없음',
    runs: (done, all) => `실행 ${all}개 중 ${done}개 완료`,
  },
};
