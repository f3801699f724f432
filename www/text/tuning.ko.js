// view=tuning 한국어 (seed 002: 하이퍼파라미터 튜닝, 로그 척도 무작위 탐색, 정밀화 탐색, 판다 대 캐비어; DLFS hyperparameter_optimization; 연속 절반 줄이기).
export default {
  title: '캐비어 방식 탐색: 학습률 × 가중치 감소',
  nav: '캐비어 방식 탐색',
  caption: '곡선 하나, 점 하나가 숫자 이미지를 학습한 작은 신경망 하나입니다. 학습률과 가중치 감소는 시도마다 로그 척도에서 뽑습니다.',
  source: '시드 002 · DLFS 6장 (hyperparameter_optimization)',
  lead: '작은 신경망 여러 개가 동시에 8×8 숫자 이미지를 학습합니다. 각자의 학습률과 가중치 감소는 로그 척도에서 무작위로 뽑습니다 ' +
    '(DLFS의 hyperparameter_optimization: 숫자 500개, 20%는 검증용, $\\mathrm{lr} = 10^{U(-6,-2)}$, $λ = 10^{U(-8,-4)}$, ' +
    '50 에포크짜리 시도 100번). 시도는 코어마다 하나씩 병렬 웹 워커에서 돌아갑니다. 곡선이 채워지는 것을 보고, 범위를 좁혀 다시 탐색해 보세요.',
  steps: [
    { text: 'DLFS의 탐색을 돌려 보세요: 50 에포크짜리 시도 100번, $\\mathrm{lr} = 10^{U(-6,-2)}$, $λ = 10^{U(-8,-4)}$. 곡선이 채워지는 것을 보세요. 대부분은 찍기 수준(10%)에 머뭅니다.', set: 'panel=curves' },
    { text: '로그 lr × 로그 λ 평면에서 좋은 시도가 어디 있는지 보세요. 진한 점이 세로 띠를 이룹니다: λ가 무엇이든 좁은 범위의 학습률만 잘 됩니다. 점에 마우스를 올리거나 눌러 값을 보세요.', set: 'panel=scatter' },
    { text: '정밀화 탐색: 라운드가 끝나면 “다음 라운드”를 누르세요. 두 범위가 상위 $k$개 시도 주변으로(양쪽에 4분의 1 자릿수 여유를 두고) 좁혀지고, 새 라운드가 그 안에서 다시 뽑습니다.', set: 'panel=scatter&k=10' },
    { text: '연속 절반 줄이기: 단계마다 상위 $1/η$의 시도만 남겨 $η$배의 에포크를 주므로, 한 라운드의 비용이 $nE$ 대신 $\\sum_r n_r e_r$ 에포크입니다(여기서는 5,000 대신 746). 그림 아래 줄이 두 탐색을 비교합니다.', set: 'halving=1' },
    { text: '상위 시도의 곡선: 점선인 훈련 정확도가 실선인 검증 정확도보다 위에 있습니다. 그 차이가 가중치 감소가 줄이려는 분산입니다.', set: 'panel=best' },
  ],
  notice: [
    '판다가 아니라 캐비어: 계산 자원이 넉넉하면 모델 하나를 돌보는 대신 여러 모델을 한꺼번에 학습시키고 가장 좋은 것을 고릅니다. ' +
      '격자보다 무작위 점이 나은 이유는 시도마다 모든 하이퍼파라미터의 새 값을 써 보므로, 중요한 하이퍼파라미터가 서로 다른 값을 많이 얻기 때문입니다.',
    '로그 척도로 뽑으세요: $10^{-6}$과 $10^{-2}$ 사이에서 학습률을 균등하게 뽑으면 거의 언제나 $10^{-3}$보다 큰 값이 나옵니다. ' +
      '지수를 균등하게 뽑으면 자릿수마다 같은 수의 시도가 돌아갑니다. 산점도에서 좋은 시도는 학습률 축을 따라 띠를 이룹니다. 여기서는 가중치 감소보다 학습률이 훨씬 중요합니다.',
    '학습률이 너무 작으면 50 에포크 내내 찍기 수준(10%)에 머물고, 너무 크면 발산하여 표시됩니다. ' +
      '상위 시도에서는 점선인 훈련 곡선이 실선인 검증 곡선보다 위에 있습니다. 그 차이가 가중치 감소가 줄이려는 분산입니다.',
    '정밀화 탐색(coarse to fine): 한 라운드가 끝나면 “다음 라운드”가 상위 시도 주변으로 두 범위를 좁히고 그 안에서 다시 뽑습니다.',
    '연속 절반 줄이기(successive halving): 모든 시도를 짧은 예산으로 시작하고, 단계마다 상위 3분의 1만 남겨 세 배의 에포크를 줍니다. ' +
      '그러면 계산 대부분이 유망한 시도에 쓰입니다. 같은 시도들을 이 방법을 켜고 끄고 한 번씩 돌려 보세요: 그림 아래 줄이 각자 찾은 가장 좋은 결과와 쓴 에포크를 비교합니다. ' +
      '첫 단계가 너무 짧으면 천천히 시작하지만 결국 가장 좋은 시도가 잘려 나갈 수 있습니다.',
  ],
  params: {
    panel: {
      label: '패널',
      help: '무엇을 볼지 고릅니다: 모든 시도의 검증 곡선, (학습률, 가중치 감소) 평면의 시도들, 또는 상위 시도 하나하나.',
      options: {
        curves: '모든 시도의 학습 곡선',
        scatter: '학습률 × 가중치 감소, 정확도로 색칠',
        best: '상위 시도(훈련 점선, 검증 실선)',
      },
    },
    trials: { label: '시도 수', help: '라운드마다의 시도 수(최대 500).' },
    epochs: { label: '에포크', help: '시도 하나를 끝까지 학습하는 에포크 수(최대 200).' },
    samples: { label: '숫자 개수', help: '1,797개 중 무작위로 뽑아 쓰는 숫자 이미지 수(DLFS: MNIST 500장).' },
    val: { label: '검증 비율', help: '시도를 평가하려고 떼어 두는 숫자의 비율.' },
    batch: { label: '미니배치', help: 'SGD 스텝마다의 행 수.' },
    layers: { label: '은닉층 수', help: '신경망의 ReLU 층 수(DLFS: 6).' },
    units: { label: '층마다 유닛 수', help: '은닉층마다의 폭(DLFS: 100).' },
    lr_min: { label: '학습률 하한 10^', help: '학습률 지수의 아래 끝: −6은 10⁻⁶입니다.' },
    lr_max: { label: '학습률 상한 10^', help: '학습률 지수의 위 끝: −2는 10⁻² = 0.01입니다.' },
    wd_min: { label: '가중치 감소 하한 10^', help: '가중치 감소 지수의 아래 끝: −8은 10⁻⁸입니다.' },
    wd_max: { label: '가중치 감소 상한 10^', help: '가중치 감소 지수의 위 끝: −4는 10⁻⁴입니다.' },
    halving: { label: '연속 절반 줄이기', help: '나쁜 시도를 일찍 멈춥니다: 단계마다 상위 1/η만 남깁니다.' },
    eta: { label: '감소 비율 η', help: '단계마다 상위 1/η의 시도만 남기고 그들에게 η배의 에포크를 줍니다.' },
    min_epochs: { label: '첫 단계 에포크', help: '첫 번째로 자르기 전에 모든 시도가 받는 에포크 수.' },
    k: { label: '상위 k', help: '강조하고, 작은 그래프로 그리고, 범위를 좁힐 때 기준으로 삼을 상위 시도의 수.' },
    workers: { label: '워커 수', help: '쓸 웹 워커의 최대 수(코어마다 하나). 0이면 이 페이지 안에서 학습합니다.' },
    seed: { label: '시드', help: '뽑을 숫자 이미지와 모든 시도의 시드.' },
  },
  tables: {
    best: '검증 정확도로 본 이번 라운드의 상위 시도',
  },
  columns: {
    trial: '시도',
    lr: '학습률',
    weight_decay: '가중치 감소 λ',
    epochs: '학습한 에포크',
    train_acc: '훈련 정확도',
    val_acc: '검증 정확도',
  },
  ui: {
    trial: (p, f) => `${p.round + 1}라운드 ${p.trial}번 시도: 학습률 ${f(p.lr)}, 가중치 감소 λ ${f(p.weight_decay)}, ` +
      (p.diverged ? '발산' : `검증 정확도 ${Math.round(100 * p.val)}%`),
    trial_keys: '시도들의 산점도: 화살표 키로 학습률이 가장 작은 시도부터 가장 큰 시도까지 하나씩 옮겨 갑니다.',
    next_round: '다음 라운드: 상위 시도 주변으로 좁히기',
    code: '이 범위를 코드로',
    study_code: '탐색 전체를 완전한 연구로: 엔진마다 파이썬 파일 하나',
    download_study: (name, file) => `${name} 연구 내려받기 (${file})`,
    load_results: '결과 불러오기 (CSV)',
    show_search: '탐색 다시 보기',
    drop_hint: '또는 Optuna, Ray Tune, 이 실험실의 결과 CSV를 그림 위에 놓으세요.',
    results_too_large: '파일이 16 MiB보다 큽니다. 아무것도 불러오지 않았습니다.',
    results_loaded: (r, f) => `표시 중: ${{ optuna: 'Optuna 연구', ray_tune: 'Ray Tune 실행', lab: '이 실험실의 탐색' }[r.source]}, ` +
      `시도 ${r.trials}개, 가지치기 ${r.pruned}개` +
      (r.best ? `; 가장 좋은 시도 ${r.best.label}: 검증 정확도 ${Math.round(100 * r.best.val_acc)}% (lr ${f(r.best.lr)}, λ ${f(r.best.weight_decay)}).` : '.'),
    mode_workers: (n) => `웹 워커 ${n}개`,
    mode_page: '이 페이지 안에서(웹 워커 없음)',
    worker_failed: '워커를 쓸 수 없음',
    round: (n) => `${n}라운드`,
    saved: (planned, full, ckpt) => `연속 절반 줄이기는 ${full.toLocaleString('ko')} 에포크 대신 ${planned.toLocaleString('ko')} 에포크를 계획합니다 ` +
      `(${Math.round(100 * (1 - planned / full))}% 절약; 체크포인트를 쓰면 ${ckpt.toLocaleString('ko')}).`,
    compare: (full, halving) => `같은 시도들: 전체 탐색은 ${full.epochs.toLocaleString('ko')} 에포크로 ${Math.round(100 * full.best_val)}%(${full.best_trial}번 시도), ` +
      `연속 절반 줄이기는 ${halving.epochs.toLocaleString('ko')} 에포크로 ${Math.round(100 * halving.best_val)}%(${halving.best_trial}번 시도)를 찾았습니다.`,
  },
};
