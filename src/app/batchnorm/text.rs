//! The words of `view=batchnorm`'s four panels and text alternative, one table per language.
//! Sentences with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::{pct, pct1, short};

/// What the grid's text alternative says.
#[derive(Clone, Copy, Debug)]
pub struct GridSummary<'a> {
    /// Training digits.
    pub samples: usize,
    /// Weight scales (cells).
    pub cells: usize,
    /// Epochs per run.
    pub epochs: usize,
    /// SGD learning rate.
    pub lr: f64,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// Cells where batch norm ends higher so far.
    pub wins: usize,
    /// Work done, as `done/total`.
    pub done: &'a str,
}

/// What the study's text alternative says (the `shift` and `ridge` panels).
#[derive(Clone, Copy, Debug)]
pub struct StudySummary<'a> {
    /// The ridge (layer histograms) rather than one unit's percentiles.
    pub ridge: bool,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// How far the percentiles moved without batch norm.
    pub drift_plain: f64,
    /// The same with batch norm.
    pub drift_bn: f64,
    /// Latest dev accuracy without batch norm.
    pub dev_plain: f64,
    /// The same with batch norm.
    pub dev_bn: f64,
    /// Work done, as `done/total`.
    pub done: &'a str,
}

/// One probe the page points at on the `shift` panel.
#[derive(Clone, Copy, Debug)]
pub struct ProbeReadout {
    /// The network with batch norm (the percentile panels; else without).
    pub batch_norm: bool,
    /// Steps taken.
    pub step: u64,
    /// 15th percentile of the unit's input.
    pub p15: f64,
    /// Its median.
    pub p50: f64,
    /// Its 85th percentile.
    pub p85: f64,
    /// Dev accuracy without batch norm at that step.
    pub dev_plain: f64,
    /// Dev accuracy with batch norm.
    pub dev_bn: f64,
}

/// One bin of one ridge row.
#[derive(Clone, Copy, Debug)]
pub struct RidgeReadout {
    /// The network with batch norm (else without).
    pub batch_norm: bool,
    /// Steps taken.
    pub step: u64,
    /// The bin's left edge.
    pub lo: f64,
    /// Its right edge.
    pub hi: f64,
    /// Inputs in the bin.
    pub count: u32,
    /// Their share of the row.
    pub share: f64,
}

/// One test batch size.
#[derive(Clone, Copy, Debug)]
pub struct TestReadout {
    /// Rows per test batch.
    pub batch_size: usize,
    /// Accuracy with the running statistics.
    pub running: f64,
    /// Accuracy with each batch's own statistics.
    pub batch_stats: f64,
}

/// One grid cell.
#[derive(Clone, Copy, Debug)]
pub struct GridReadout {
    /// The initial weights' std.
    pub scale: f64,
    /// Epochs done in both runs.
    pub epochs: usize,
    /// Latest training accuracy without batch norm.
    pub plain: f64,
    /// The same with batch norm.
    pub batch_norm: f64,
}

/// Every word `view=batchnorm` draws or says.
pub struct Words {
    /// The network without batch norm (panel titles).
    pub without_bn: &'static str,
    /// The network with batch norm.
    pub with_bn: &'static str,
    /// A percentile panel's title: the network, the unit (from 1).
    pub unit_title: fn(run: &str, unit: usize) -> String,
    /// x-axis title of the panels over training.
    pub step: &'static str,
    /// The 85th-percentile line's label.
    pub p85: &'static str,
    /// The median line's label.
    pub p50: &'static str,
    /// The 15th-percentile line's label.
    pub p15: &'static str,
    /// Title of the dev-accuracy panel.
    pub dev_accuracy: &'static str,
    /// Its line without batch norm.
    pub no_bn: &'static str,
    /// Its line with batch norm.
    pub bn: &'static str,
    /// A ridge's title: the network, the probed layer.
    pub ridge_title: fn(run: &str, layer: usize) -> String,
    /// A ridge row's label: the step.
    pub ridge_row: fn(step: u64) -> String,
    /// Title of the test-time panel.
    pub test_title: &'static str,
    /// Its line with the running statistics.
    pub running: &'static str,
    /// Its line with each test batch's own statistics.
    pub batch_stats: &'static str,
    /// Its x-axis title.
    pub rows_per_batch: &'static str,
    /// The grid's heading.
    pub grid_heading: &'static str,
    /// The grid's key: without batch norm.
    pub grid_without: &'static str,
    /// The grid's key: with batch norm.
    pub grid_with: &'static str,
    /// A grid cell's title: the initial weights' std.
    pub grid_cell: fn(scale: f64) -> String,
    /// Readout of a probe on a percentile panel.
    pub probe: fn(&ProbeReadout) -> String,
    /// Readout of a probe on the dev-accuracy panel.
    pub accuracy: fn(&ProbeReadout) -> String,
    /// Readout of a ridge bin.
    pub ridge_bin: fn(&RidgeReadout) -> String,
    /// Readout of a test batch size.
    pub test_point: fn(&TestReadout) -> String,
    /// Readout of a grid cell.
    pub grid_point: fn(&GridReadout) -> String,
    /// Text alternative of the grid.
    pub describe_grid: fn(&GridSummary) -> String,
    /// Text alternative of the test-time panel: accuracy with running statistics, with the
    /// statistics of a batch of one, and the work done.
    pub describe_test: fn(running: f64, single: f64, done: &str) -> String,
    /// Text alternative of the `shift` and `ridge` panels.
    pub describe_study: fn(&StudySummary) -> String,
}

/// English.
pub static EN: Words = Words {
    without_bn: "without batch norm",
    with_bn: "with batch norm",
    unit_title: |run, unit| format!("{run}: unit {unit}, z"),
    step: "step",
    p85: "85th pct",
    p50: "median",
    p15: "15th pct",
    dev_accuracy: "dev accuracy",
    no_bn: "no BN",
    bn: "BN",
    ridge_title: |run, layer| format!("{run}: layer {layer} inputs z"),
    ridge_row: |step| format!("step {step}"),
    test_title: "BN network: test accuracy by test batch size",
    running: "running (EWMA)",
    batch_stats: "batch stats",
    rows_per_batch: "rows per test batch",
    grid_heading: "training accuracy by epoch:",
    grid_without: "— without BN",
    grid_with: "— with BN",
    grid_cell: |scale| format!("w std {}", short(scale)),
    probe: |r| {
        let run = if r.batch_norm {
            "with batch norm"
        } else {
            "without batch norm"
        };
        format!(
            "{run}, step {}: 85th percentile {}, median {}, 15th percentile {}",
            r.step,
            short(r.p85),
            short(r.p50),
            short(r.p15)
        )
    },
    accuracy: |r| {
        format!(
            "step {}: dev accuracy {} without batch norm, {} with",
            r.step,
            pct(r.dev_plain),
            pct(r.dev_bn)
        )
    },
    ridge_bin: |r| {
        let run = if r.batch_norm {
            "with batch norm"
        } else {
            "without batch norm"
        };
        format!(
            "{run}, step {}: z from {} to {}: {} inputs ({})",
            r.step,
            short(r.lo),
            short(r.hi),
            r.count,
            pct1(r.share)
        )
    },
    test_point: |r| {
        format!(
            "test batches of {}: {} with the running statistics, {} with each batch’s own",
            r.batch_size,
            pct1(r.running),
            pct1(r.batch_stats)
        )
    },
    grid_point: |r| {
        format!(
            "initial weights’ std {}: training accuracy at epoch {}: {} with batch norm, {} without",
            short(r.scale),
            r.epochs,
            pct(r.batch_norm),
            pct(r.plain)
        )
    },
    describe_grid: |g| {
        format!(
            "DLFS's batch norm test on {} digits: {} initial weight scales from 1 to 1e-4, each trained {} epochs with SGD (lr {}, batches of {}) \
             without and with batch norm; training accuracy per epoch in a grid of small charts. Steps done {}. \
             So far batch norm ends higher in {} of {} cells.",
            g.samples, g.cells, g.epochs, short(g.lr), g.batch_size, g.done, g.wins, g.cells
        )
    },
    describe_test: |running, single, done| {
        format!(
            "Test accuracy of the batch-norm network by test batch size: with the running (EWMA) statistics {} for every size; \
             with each batch's own statistics {} for batches of 1 (variance 0, every row gets the same output), rising with the batch size. Steps done {done}.",
            pct(running),
            pct(single)
        )
    },
    describe_study: |s| {
        let what = if s.ridge {
            "Histograms of the last hidden layer's inputs over training steps"
        } else {
            "The 15th, 50th and 85th percentiles of one last-layer unit's input over training steps"
        };
        format!(
            "{what}, in a 3-layer sigmoid network on the digits (mini-batches of {}), without and with batch norm. \
             The percentiles move by up to {:.2} without and {:.2} with batch norm; dev accuracy {} without and {} with. Steps done {}.",
            s.batch_size,
            s.drift_plain,
            s.drift_bn,
            pct(s.dev_plain),
            pct(s.dev_bn),
            s.done
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    without_bn: "배치 정규화 없이",
    with_bn: "배치 정규화와 함께",
    unit_title: |run, unit| format!("{run}: 유닛 {unit}, z"),
    step: "스텝",
    p85: "85 백분위",
    p50: "중앙값",
    p15: "15 백분위",
    dev_accuracy: "dev 정확도",
    no_bn: "BN 없음",
    bn: "BN",
    ridge_title: |run, layer| format!("{run}: {layer}층 입력 z"),
    ridge_row: |step| format!("스텝 {step}"),
    test_title: "BN 네트워크: 테스트 배치 크기별 테스트 정확도",
    running: "이동 평균",
    batch_stats: "배치 통계",
    rows_per_batch: "테스트 배치의 행 수",
    grid_heading: "에포크별 훈련 정확도:",
    grid_without: "— BN 없이",
    grid_with: "— BN과 함께",
    grid_cell: |scale| format!("w std {}", short(scale)),
    probe: |r| {
        let run = if r.batch_norm {
            "배치 정규화와 함께"
        } else {
            "배치 정규화 없이"
        };
        format!(
            "{run}, 스텝 {}: 85 백분위수 {}, 중앙값 {}, 15 백분위수 {}",
            r.step,
            short(r.p85),
            short(r.p50),
            short(r.p15)
        )
    },
    accuracy: |r| {
        format!(
            "스텝 {}: dev 정확도 배치 정규화 없이 {}, 함께 {}",
            r.step,
            pct(r.dev_plain),
            pct(r.dev_bn)
        )
    },
    ridge_bin: |r| {
        let run = if r.batch_norm {
            "배치 정규화와 함께"
        } else {
            "배치 정규화 없이"
        };
        format!(
            "{run}, 스텝 {}: z가 {}에서 {}까지인 입력 {}개 ({})",
            r.step,
            short(r.lo),
            short(r.hi),
            r.count,
            pct1(r.share)
        )
    },
    test_point: |r| {
        format!(
            "테스트 배치 크기 {}: 이동 평균 통계로 {}, 배치 자체의 통계로 {}",
            r.batch_size,
            pct1(r.running),
            pct1(r.batch_stats)
        )
    },
    grid_point: |r| {
        format!(
            "초기 가중치 표준편차 {}: 에포크 {}의 훈련 정확도: 배치 정규화와 함께 {}, 없이 {}",
            short(r.scale),
            r.epochs,
            pct(r.batch_norm),
            pct(r.plain)
        )
    },
    describe_grid: |g| {
        format!(
            "숫자 {}개로 한 DLFS 배치 정규화 실험: 초기 가중치 스케일 {}개(1에서 1e-4까지), 각각 배치 정규화 없이와 함께 SGD(학습률 {}, 미니배치 {})로 {} 에포크 학습; \
             에포크마다 훈련 정확도를 작은 그래프 격자로 보입니다. 진행 {}. 지금까지 {}칸 중 {}칸에서 배치 정규화 쪽이 더 높습니다.",
            g.samples, g.cells, short(g.lr), g.batch_size, g.epochs, g.done, g.cells, g.wins
        )
    },
    describe_test: |running, single, done| {
        format!(
            "배치 정규화 네트워크의 테스트 배치 크기별 테스트 정확도: 이동 평균(지수 가중 평균) 통계로는 크기와 상관없이 {}; \
             테스트 배치 자체의 통계로는 배치 크기 1에서 {}(분산 0, 모든 행이 같은 출력), 배치가 커질수록 올라갑니다. 진행 {done}.",
            pct(running),
            pct(single)
        )
    },
    describe_study: |s| {
        let what = if s.ridge {
            "학습 스텝에 따른 마지막 은닉층 입력의 히스토그램"
        } else {
            "학습 스텝에 따른 마지막 은닉층 한 유닛 입력의 15, 50, 85 백분위수"
        };
        format!(
            "{what}, 숫자 데이터의 3층 시그모이드 네트워크(미니배치 {}), 배치 정규화 없이와 함께. \
             백분위수는 배치 정규화 없이 최대 {:.2}, 함께일 때 {:.2}만큼 움직입니다; dev 정확도는 없이 {}, 함께 {}. 진행 {}.",
            s.batch_size,
            s.drift_plain,
            s.drift_bn,
            pct(s.dev_plain),
            pct(s.dev_bn),
            s.done
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
