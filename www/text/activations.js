// English text of view=activations (seed 004: DLFS weight_init_activation_histogram; seeds 000,
// 002, 003: batch norm; seed 001: vanishing and exploding gradients).
export default {
  title: 'Activations per layer: initialisation and batch norm',
  nav: 'Activations, init & batch norm',
  caption: 'Each histogram is one layer’s activations: the same weights without batch norm (blue) and with batch norm before each activation (green).',
  source: 'Seeds 001, 004 · DLFS ch. 6.2–6.3',
  lead: 'DLFS’s experiment: 1,000 inputs of 100 numbers drawn from $N(0, 1)$ pass through five layers of 100 units with no bias, ' +
    '$z = aW$, $a = g(z)$, the weights drawn from $N(0, \\sigma^2)$. Each histogram shows one layer’s activations; ' +
    'the second condition normalises each unit’s $z$ over the batch first, $z_{norm} = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}}$. ' +
    'Change the initialisation and watch the shapes; hover or tap a bar (or focus the figure and use the arrow keys) for its count.',
  steps: [
    { text: 'Weights with $\\sigma = 1$ and a sigmoid: the outputs pile up at 0 and 1, where the slope $g\'(z) = a(1-a)$ is almost 0.', set: '' },
    { text: '$\\sigma = 0.01$: every output sits near 0.5 and all units say the same thing.', set: 'init=std001' },
    { text: 'Xavier, $\\sigma = \\sqrt{1/n}$: the spread survives all five layers.', set: 'init=xavier' },
    { text: 'ReLU with He, $\\sigma = \\sqrt{2/n}$: half the outputs are 0, and the rest keep their spread layer after layer.', set: 'activation=relu&init=he' },
    { text: 'Backward with $\\sigma = 0.01$: $|dJ/dz|$ shrinks by decades towards layer 1 without batch norm, and stays put with it.', set: 'init=std001&direction=backward' },
    { text: 'Ten ReLU layers with $\\sigma = 1$: without batch norm the values explode; with it every layer looks alike.', set: 'activation=relu&layers=10' },
  ],
  notice: [
    'Weights with std 1 and a sigmoid: each unit sums 100 inputs, so $z$ has a std of about $10 \\cdot 0.7$, far outside the sigmoid’s bend. ' +
      'The outputs pile up at 0 and 1 (saturated), where the slope $g\'(z) = a(1-a)$ is almost 0: gradients vanish. Switch to “backward” to see ' +
      '$|dJ/dz|$ shrink by orders of magnitude towards the first layer.',
    'Weights with std 0.01: $z$ is tiny, every sigmoid sits at 0.5, and all units say the same thing. Nothing saturates, ' +
      'but the layer has lost its expressive power and the gradients shrink layer after layer as well.',
    'Xavier (the course’s $\\sqrt{1/n}$) and Glorot ($\\sqrt{2/(n_{in}+n_{out})}$) keep the variance of $z$ near 1 from layer to layer, so the spread survives. ' +
      'With ReLU half of the units output 0; He’s $\\sqrt{2/n}$ makes up for that lost half and keeps the spread through the layers.',
    'Batch norm (bottom row) normalises each unit’s $z$ over the batch to mean 0 and variance 1 before the activation, whatever the weights: ' +
      'the histograms look alike for every initialisation, which is why batch norm makes training far less sensitive to it.',
  ],
  params: {
    activation: { label: 'Activation', help: 'The same activation in every layer.', options: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } },
    init: {
      label: 'Initialisation',
      help: 'The standard deviation σ of the N(0, σ²) weights; n is the number of inputs of a layer.',
      options: {
        std1: 'σ = 1', std001: 'σ = 0.01', xavier: 'course “Xavier” σ = √(1/n)', glorot: 'Glorot σ = √(2/(n_in+n_out))',
        he: 'He σ = √(2/n)', custom: 'custom σ (below)',
      },
    },
    std: { label: 'Custom σ', help: 'Used when the initialisation is “custom σ”; the slider is logarithmic.' },
    layers: { label: 'Layers', help: 'Hidden layers, at most 10.' },
    units: { label: 'Units per layer', help: 'Also the width of the input, at most 500; the slider is logarithmic.' },
    samples: {
      label: 'Samples',
      help: 'Rows of the input batch, at most 5,000 (samples × units × layers ≤ 5 million). Beyond DLFS’s size the study is computed a little per frame while the old figure stays.',
    },
    direction: {
      label: 'Show',
      help: 'Forward: the activations. Backward: |dJ/dz| per layer (log scale) for a random upstream gradient.',
      options: { forward: 'forward: activations', backward: 'backward: gradients' },
    },
    seed: { label: 'Seed', help: 'The seed of the inputs, the weights and the upstream gradient.' },
  },
  tables: {
    layers: 'Per layer: mean, standard deviation and saturated share of the activations, without and with batch norm',
  },
  columns: {
    layer: 'Layer',
    plain_mean: 'Mean of a, without BN',
    plain_std: 'Std of a, without BN',
    plain_saturated: 'Saturated share, without BN',
    plain_zero: 'Share at 0, without BN',
    plain_grad_mean_abs: 'Mean |dJ/dz|, without BN',
    batch_norm_mean: 'Mean of a, with BN',
    batch_norm_std: 'Std of a, with BN',
    batch_norm_saturated: 'Saturated share, with BN',
    batch_norm_zero: 'Share at 0, with BN',
    batch_norm_grad_mean_abs: 'Mean |dJ/dz|, with BN',
  },
  readout_hint: 'Arrow keys: left and right move between the bars of a histogram, up and down between histograms.',
  computing: 'Computing the new study; the figure shows the previous one until it is ready…',
  computed: (ms, frames) => (frames
    ? `New study computed off the input handler in ${Math.round(ms)} ms (${frames} frames); the previous figure stayed until then.`
    : `Computed and drawn in ${Math.round(ms)} ms.`),
};
