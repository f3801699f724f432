//! Benchmark entry points for `make bench`: the workloads of ../shared/peers/workloads.json, run
//! on the release wasm in headless Chromium. The page times calls with `performance.now()`, using
//! the same warm-up, step and block counts as the peers' harness.
use crate::core::math::gemm::{sgemm, GemmScratch, MatRef};
use crate::core::math::rng::{seeded, uniform};
use wasm_bindgen::prelude::*;

/// The `matmul` workload: `C (m x n) = A (m x k) · B (k x n)`, f32, inputs U(0, 1) from a seed.
#[wasm_bindgen]
pub struct MatmulBench {
    a: Vec<f32>,
    b: Vec<f32>,
    c: Vec<f32>,
    m: usize,
    k: usize,
    n: usize,
    scratch: GemmScratch,
}

/// The largest side accepted (so a typo cannot allocate gigabytes).
const MAX_SIDE: usize = 4096;

#[wasm_bindgen]
impl MatmulBench {
    /// Allocates and fills the operands.
    #[wasm_bindgen(constructor)]
    pub fn new(m: usize, k: usize, n: usize, seed: u32) -> Result<MatmulBench, JsError> {
        if [m, k, n].iter().any(|&s| s == 0 || s > MAX_SIDE) {
            return Err(JsError::new(&format!("matrix sides must be in 1..={MAX_SIDE}")));
        }
        let mut rng = seeded(seed as u64);
        let mut fill = |len: usize| {
            (0..len)
                .map(|_| uniform(&mut rng, 0.0, 1.0) as f32)
                .collect::<Vec<f32>>()
        };
        let (a, b) = (fill(m * k), fill(k * n));
        Ok(MatmulBench {
            a,
            b,
            c: vec![0.0; m * n],
            m,
            k,
            n,
            scratch: GemmScratch::default(),
        })
    }

    /// One product; returns one element so the work cannot be optimised away.
    pub fn run(&mut self) -> f32 {
        sgemm(
            MatRef::new(&self.a, self.m, self.k),
            MatRef::new(&self.b, self.k, self.n),
            &mut self.c,
            self.n,
            false,
            &mut self.scratch,
        );
        self.c[self.c.len() / 2]
    }

    /// Floating-point operations per product: 2 m k n.
    pub fn flops(&self) -> f64 {
        2.0 * (self.m * self.k * self.n) as f64
    }
}

/// A workload of `../shared/peers/workloads.json` (`mnist-mlp-sgd`, `mnist-mlp-adam`,
/// `playground-tiny`, `act-hist`) on the f32 engine; the page times [`NetBench::step`].
#[wasm_bindgen]
pub struct NetBench {
    workload: crate::core::lab::workload::Workload,
}

#[wasm_bindgen]
impl NetBench {
    /// Builds workload `name` from its JSON entry in workloads.json.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, json_config: &str, seed: u32) -> Result<NetBench, JsError> {
        let config: crate::core::lab::workload::WorkloadConfig =
            serde_json::from_str(json_config).map_err(|e| JsError::new(&e.to_string()))?;
        let workload =
            crate::core::lab::workload::Workload::new(name, &config, seed as u64).map_err(|e| JsError::new(&e))?;
        Ok(NetBench { workload })
    }

    /// One timed unit (a training step, or one forward pass for act-hist); returns the cost.
    pub fn step(&mut self) -> f64 {
        self.workload.step()
    }
}
