// English text of view=batchnorm (seeds 000 and 003: batch norm, covariate shift, batch norm at
// test time; seed 004: DLFS batch_norm_test; Ioffe & Szegedy 2015).
export default {
  title: 'Batch norm during training',
  nav: 'Batch norm in training',
  caption: 'Networks learn the digits on the same mini-batches: without batch norm (blue) and with it (green), and on the last panel batch norm (green) against layer norm (orange) for batch sizes 1 to 128; the figure fills in as they train.',
  source: 'Seeds 000, 003, 004 · Ioffe & Szegedy 2015 · DLFS ch. 6.3',
  lead: 'Two networks with the same weights learn the 8×8 digits on the same mini-batches, one with batch norm before each activation and ' +
    'one without. Over a mini-batch of $m$ rows batch norm computes $\\mu_B = \\frac{1}{m}\\sum_i z_i$ and ' +
    '$\\sigma_B^2 = \\frac{1}{m}\\sum_i (z_i - \\mu_B)^2$, normalises $z_{norm,i} = \\frac{z_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}}$ and ' +
    'rescales $\\gamma z_{norm,i} + \\beta$ with learned $\\gamma$ and $\\beta$; at test time it uses running averages, ' +
    '$\\mu \\leftarrow 0.9\\,\\mu + 0.1\\,\\mu_B$. The training runs a little per frame: the figure fills in as it goes, and you can cancel and resume. ' +
    'Hover or tap the figure (or focus it and use the arrow keys) for the numbers under the pointer.',
  steps: [
    { text: 'Without batch norm the unit’s 15th, 50th and 85th percentiles wander as training goes on; with batch norm they stay in a band.', set: '' },
    { text: 'A small learning rate, 0.05: after 30 epochs the plain sigmoid network is still at chance, the batch-norm one near 96%.', set: 'lr=0.05' },
    { text: 'The ridge: the whole last hidden layer’s inputs shift and stretch without batch norm; with it every row looks alike.', set: 'panel=ridge' },
    { text: 'Test time with batches of 1: the batch’s own statistics give $\\sigma_B^2 = 0$ and one class for every input; the running averages keep the accuracy.', set: 'panel=test' },
    { text: 'DLFS’s grid: without batch norm only a narrow band of initial weight scales learns; with batch norm almost every scale does.', set: 'panel=grid' },
    { text: 'Where batch norm fails: with 1 row per batch $\\mu_B$ is the example itself, $\\hat z = 0$ and every output is $\\beta$; layer norm, $\\hat x_{i} = \\frac{x_{i} - \\mu_i}{\\sqrt{\\sigma_i^2 + \\varepsilon}}$ over the layer’s units, learns at every batch size.', set: 'panel=layer' },
  ],
  notice: [
    'Internal covariate shift: from the third layer’s point of view its inputs keep changing, because every step also changes the layers before it. ' +
      'Without batch norm the unit’s 15th, 50th and 85th percentiles wander as training goes on (Ioffe & Szegedy’s figure 1); ' +
      'with batch norm they stay in a narrow band, since each mini-batch is pulled back to mean β and spread γ.',
    'Stable inputs let the later layers learn without chasing the earlier ones: the dev accuracy with batch norm climbs in a few dozen steps, ' +
      'while the plain sigmoid network, with the same learning rate, is still near chance much longer.',
    'The ridge shows the same story for the whole last hidden layer: without batch norm the distribution shifts and stretches from step to step; ' +
      'with it, every row looks alike.',
    'At test time there is no mini-batch to average over, so the network uses the running means and variances (an exponentially weighted average ' +
      'over the training mini-batches): every example is then classified on its own. Normalising with the test batch’s own statistics instead ' +
      'makes a prediction depend on its neighbours, and with a batch of 1 the variance is 0: every input becomes β and the accuracy falls to one class in ten.',
    'Batch norm’s limits (seeds 003 and 004): its statistics come from the mini-batch, so with tiny batches they are noisy estimates of the population’s ' +
      '(the spread of a batch mean falls like $\\sigma/\\sqrt{b}$), and with one row the mean is the example itself and the variance 0: every unit outputs $\\beta$ and nothing below it can learn. ' +
      'RNNs, whose statistics change at every time step, have the same trouble. Layer norm (Ba, Kiros & Hinton 2016) normalises each example over the layer’s $H$ units instead, ' +
      '$\\mu_i = \\frac{1}{H}\\sum_j z_{ij}$, $\\sigma_i^2 = \\frac{1}{H}\\sum_j (z_{ij} - \\mu_i)^2$: the same in training and at test time, whatever the batch.',
    'DLFS’s grid: 16 initial weight scales from 1 down to 0.0001, a 5-layer ReLU network trained with plain SGD (lr 0.01, batches of 100). ' +
      'Without batch norm only a narrow band of scales learns at all (large ones explode, small ones leave the signal vanishing); with batch norm almost every scale learns, and fast.',
  ],
  params: {
    panel: {
      label: 'Panel',
      help: 'What to show; the training behind the first three panels is shared, the grid is a separate job.',
      options: {
        shift: 'one unit’s input over training',
        ridge: 'layer inputs over training (ridge)',
        test: 'batch norm at test time',
        grid: '4×4 grid of weight scales (DLFS)',
        layer: 'batch norm vs layer norm by batch size',
      },
    },
    epochs: { label: 'Epochs', help: 'Training epochs of the 3-layer sigmoid networks (18 steps of 60 digits each).' },
    lr: { label: 'Learning rate', help: 'SGD learning rate of the 3-layer networks; the slider is logarithmic.' },
    unit: { label: 'Unit', help: 'The unit of the last hidden layer whose input percentiles are plotted.' },
    grid_epochs: { label: 'Grid epochs', help: 'Epochs per grid run: 10 by default so the grid finishes sooner; DLFS uses 20.' },
    grid_samples: { label: 'Grid samples', help: 'Training digits of the grid (DLFS: 1,000 MNIST images).' },
    ln_epochs: { label: 'Epochs per batch size', help: 'Epochs of each of the 16 runs (8 batch sizes × batch norm, layer norm) of the layer panel.' },
    ln_lr: { label: 'Learning rate (layer panel)', help: 'SGD learning rate of the 64-50-50-10 ReLU networks of the layer panel, the same at every batch size.' },
    ln_samples: { label: 'Training digits (layer panel)', help: 'Training digits of the layer panel; the other digits are its test rows.' },
    workers: { label: 'Web Workers', help: 'Workers computing the grid’s or the layer panel’s runs in parallel (at most one per core); 0 computes them in this page.' },
    seed: { label: 'Seed', help: 'The seed of the data split, the weights and the mini-batch order.' },
  },
  tables: {
    shift: 'Latest probe without and with batch norm: step, percentiles of the unit’s input, how far they drifted, dev accuracy',
    test: 'Test accuracy of the batch-norm network per test batch size: running (EWMA) statistics vs the batch’s own statistics',
    grid: 'Final training accuracy per initial weight std, without and with batch norm',
    layer: 'Per batch size: final test accuracy with batch norm and with layer norm, and batch norm’s batch statistics against the population’s',
  },
  columns: {
    network: 'Network',
    step: 'Steps',
    p15: '15th percentile of z',
    p50: 'Median of z',
    p85: '85th percentile of z',
    drift: 'Drift (largest range over time)',
    dev_accuracy: 'Dev accuracy',
    test_batch_size: 'Rows per test batch',
    running_stats_accuracy: 'Accuracy, running statistics',
    batch_stats_accuracy: 'Accuracy, the batch’s own statistics',
    weight_std: 'Initial weights’ std',
    plain_train_accuracy: 'Training accuracy, without BN',
    batch_norm_train_accuracy: 'Training accuracy, with BN',
    batch_size: 'Rows per mini-batch',
    bn_test_accuracy: 'Test accuracy, batch norm',
    ln_test_accuracy: 'Test accuracy, layer norm',
    bn_mean_spread: 'BN: sd of batch means / σ',
    bn_variance_ratio: 'BN: mean batch variance / σ²',
  },
  rows: {
    plain: 'without batch norm',
    batch_norm: 'with batch norm',
  },
  ui: {
    mode_workers: (n) => `${n} Web Worker${n === 1 ? '' : 's'}`,
    mode_page: 'in this page (no Web Workers)',
    worker_failed: 'workers unavailable',
    runs: (done, all) => `${done} of ${all} runs done`,
  },
  readout_hint: 'Arrow keys: left and right move along a panel, up and down between panels and rows.',
};
