// English text of view=tuning (seed 002: hyperparameter tuning, random search on a log scale,
// coarse to fine, pandas vs caviar; DLFS hyperparameter_optimization; successive halving).
export default {
  title: 'Caviar search: learning rate × weight decay',
  nav: 'Caviar search',
  caption: 'Each curve or dot is one small network trained on the digits with its own learning rate and weight decay, both drawn on a log scale.',
  source: 'Seed 002 · DLFS ch. 6 (hyperparameter_optimization)',
  lead: 'Many small networks learn the 8×8 digits at once, each with its own learning rate and weight decay drawn at random on a log scale ' +
    '(DLFS’s hyperparameter_optimization: 500 digits, 20% held out for validation, $\\mathrm{lr} = 10^{U(-6,-2)}$, $λ = 10^{U(-8,-4)}$, ' +
    '100 trials of 50 epochs). The trials run in parallel Web Workers, one per core; watch their curves fill in, then narrow the ranges and search again.',
  steps: [
    { text: 'Run DLFS’s search: 100 trials of 50 epochs, $\\mathrm{lr} = 10^{U(-6,-2)}$ and $λ = 10^{U(-8,-4)}$. Watch the curves fill in: most stay near chance (10%).', set: 'panel=curves' },
    { text: 'Look where the good trials lie on log lr × log λ: the dark dots form a vertical band: a narrow range of learning rates works, almost whatever λ is. Hover or tap a dot for its numbers.', set: 'panel=scatter' },
    { text: 'Coarse to fine: once the round is done, press “Next round”. Both ranges narrow around the best $k$ trials (padded by a quarter decade) and a new round samples there.', set: 'panel=scatter&k=10' },
    { text: 'Successive halving: each rung keeps the best $1/η$ of the trials and gives them $η$ times the epochs, so a round costs $\\sum_r n_r e_r$ epochs instead of $nE$ (here 746 instead of 5,000). The line under the figure compares the two searches.', set: 'halving=1' },
    { text: 'The best curves: in the top trials the dashed training accuracy runs above the solid validation accuracy; that gap is the variance weight decay fights.', set: 'panel=best' },
  ],
  notice: [
    'Caviar, not panda: with enough compute you do not babysit one model, you train many at once and keep the best. ' +
      'Random points beat a grid because every trial tries a new value of each hyperparameter, and the important one gets many distinct values.',
    'Sample on a log scale: a learning rate between $10^{-6}$ and $10^{-2}$ drawn uniformly would almost always land above $10^{-3}$; ' +
      'drawing its exponent uniformly gives each decade the same number of trials. In the scatter the good trials form a band along the learning-rate axis: ' +
      'the learning rate matters much more than the weight decay here.',
    'Too small a learning rate stays near chance (10%) for all 50 epochs; too large a one diverges and is marked. ' +
      'In the best trials the dashed training curve runs above the solid validation curve: the gap is the variance that weight decay fights.',
    'Coarse to fine: once a round is done, “next round” narrows both ranges around the best trials and samples again there.',
    'Successive halving: start every trial with a short budget, keep the best third at each rung and give them three times the epochs. ' +
      'Most of the compute then goes to the promising trials. Run the same trials with and without it: the line under the figure compares the best each found ' +
      'and the epochs each spent. A first rung that is too short can cut a trial that starts slowly but ends best.',
  ],
  params: {
    panel: {
      label: 'Panel',
      help: 'What to show: every trial’s validation curve, the trials in the (lr, weight decay) plane, or the best trials one by one.',
      options: {
        curves: 'learning curves of every trial',
        scatter: 'lr × weight decay, coloured by accuracy',
        best: 'the best trials (train dashed, validation solid)',
      },
    },
    trials: { label: 'Trials', help: 'Trials per round (at most 500).' },
    epochs: { label: 'Epochs', help: 'Epochs of a full trial (at most 200).' },
    samples: { label: 'Digits', help: 'Digits used, drawn at random from the 1,797 (DLFS: 500 MNIST images).' },
    val: { label: 'Validation share', help: 'Share of the digits held out to score the trials.' },
    batch: { label: 'Mini-batch', help: 'Rows per SGD step.' },
    layers: { label: 'Hidden layers', help: 'ReLU layers of the network (DLFS: 6).' },
    units: { label: 'Units per layer', help: 'Width of every hidden layer (DLFS: 100).' },
    lr_min: { label: 'lr from 10^', help: 'Lower end of the learning rate’s exponent: −6 is 10⁻⁶.' },
    lr_max: { label: 'lr to 10^', help: 'Upper end of the learning rate’s exponent: −2 is 10⁻² = 0.01.' },
    wd_min: { label: 'Weight decay from 10^', help: 'Lower end of the weight decay’s exponent: −8 is 10⁻⁸.' },
    wd_max: { label: 'Weight decay to 10^', help: 'Upper end of the weight decay’s exponent: −4 is 10⁻⁴.' },
    halving: { label: 'Successive halving', help: 'Stop the worst trials early: keep the best 1/η at each rung.' },
    eta: { label: 'Reduction factor η', help: 'Successive halving keeps the best 1/η of the trials at each rung and gives them η times the epochs.' },
    min_epochs: { label: 'First rung epochs', help: 'Epochs every trial gets before the first cut.' },
    k: { label: 'Best k', help: 'How many of the best trials to highlight, draw as small multiples and narrow around.' },
    workers: { label: 'Workers', help: 'Web Workers at most (one per core); 0 trains in this page.' },
    seed: { label: 'Seed', help: 'The seed of the digits drawn and of every trial.' },
  },
  tables: {
    best: 'The best trials of this round by validation accuracy',
  },
  columns: {
    trial: 'Trial',
    lr: 'Learning rate',
    weight_decay: 'Weight decay λ',
    epochs: 'Epochs trained',
    train_acc: 'Training accuracy',
    val_acc: 'Validation accuracy',
  },
  ui: {
    // the readout of the trial under the pointer (or chosen with the arrow keys) in the scatter;
    // p: { round, trial, lr, weight_decay, val, diverged }, f: the page's number formatter
    trial: (p, f) => `Trial ${p.trial} (round ${p.round + 1}): learning rate ${f(p.lr)}, weight decay λ ${f(p.weight_decay)}, ` +
      (p.diverged ? 'diverged' : `validation accuracy ${Math.round(100 * p.val)}%`),
    trial_keys: 'Scatter of the trials: the arrow keys step through them, from the smallest learning rate to the largest.',
    next_round: 'Next round: narrow around the best',
    code: 'These ranges as code',
    mode_workers: (n) => `${n} Web Worker${n === 1 ? '' : 's'}`,
    mode_page: 'in this page (no Web Workers)',
    worker_failed: 'workers unavailable',
    round: (n) => `Round ${n}`,
    saved: (planned, full, ckpt) => `Successive halving plans ${planned.toLocaleString('en')} epochs instead of ${full.toLocaleString('en')} ` +
      `(${Math.round(100 * (1 - planned / full))}% saved; ${ckpt.toLocaleString('en')} with checkpoints).`,
    compare: (full, halving) => `Same trials: the full search found ${Math.round(100 * full.best_val)}% (trial ${full.best_trial}) ` +
      `with ${full.epochs.toLocaleString('en')} epochs; successive halving ${Math.round(100 * halving.best_val)}% (trial ${halving.best_trial}) with ${halving.epochs.toLocaleString('en')}.`,
  },
};
