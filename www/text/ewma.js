// English text of view=ewma (seed 001: exponentially weighted averages).
export default {
  title: 'Exponentially weighted averages',
  nav: 'EWMA & bias correction',
  lead: 'An exponentially weighted average keeps a single number, V_t = β·V_{t−1} + (1−β)·θ_t with V_0 = 0, ' +
    'and so averages roughly the last 1/(1−β) values. Momentum, RMSprop, Adam and batch norm all use it.',
  notice: [
    'β = 0.98 averages about 50 days: the curve is smooth but late, turning weeks after the season turns. ' +
      'β = 0.5 averages about 2 days and follows every noisy day. β = 0.9 (about 10 days) sits between.',
    'With bias correction off, every curve starts near 0, because V_0 = 0: the first values are about (1−β)·θ, ' +
      'far too low, and the larger β, the longer the climb. Turn it on: V_t/(1−β^t) starts right at the data, ' +
      'and the correction fades as β^t goes to 0.',
    'The table is the worked example of the course notes: θ = 40, 42, 44, 46, 48 with β = 0.9 gives V_1 = 4, ' +
      'but V_1/(1−0.9) = 40. Edit β to see every column change.',
    'Why β near 1 needs care: 0.999 → 0.9995 doubles the window (1000 → 2000 days), 0.9 → 0.9005 changes nothing. ' +
      'That is why β is tuned on a log scale of 1−β.',
  ],
  params: {
    beta: { label: 'β (one line each)', help: 'Weight of the past, between 0 and 1. The window is about 1/(1−β) days.' },
    bias_correction: { label: 'Bias correction', help: 'Show V_t/(1−β^t) (solid) and the uncorrected V_t (dashed).' },
    days: { label: 'Days', help: 'Length of the temperature series.' },
    noise: { label: 'Noise (°F)', help: 'Standard deviation of the day-to-day noise.' },
    seed: { label: 'Seed', help: 'The random seed of the noise; the same seed gives the same series.' },
  },
  tables: {
    worked_example: 'Worked example (seed 001): V_t and the bias-corrected V_t/(1−β^t)',
  },
  window: (w) => `≈ ${w >= 10 ? Math.round(w) : w.toFixed(1)} days`,
};
