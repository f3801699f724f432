// English text of view=activations (seed 004: DLFS weight_init_activation_histogram; seeds 000,
// 002, 003: batch norm; seed 001: vanishing and exploding gradients).
export default {
  title: 'Activations per layer: initialisation and batch norm',
  nav: 'Activations, init & batch norm',
  lead: 'DLFS’s experiment: 1,000 inputs of 100 numbers drawn from N(0, 1) pass through five layers of 100 units with no bias. ' +
    'Each histogram shows one layer’s activations; the top row is the plain network, the bottom row the same weights with batch norm ' +
    'before each activation. Change the initialisation and watch the shapes.',
  notice: [
    'Weights with std 1 and a sigmoid: each unit sums 100 inputs, so z has a std of about 10·0.7, far outside the sigmoid’s bend. ' +
      'The outputs pile up at 0 and 1 (saturated), where the slope g′ = a(1−a) is almost 0: gradients vanish. Switch to “backward” to see ' +
      '|dJ/dz| shrink by orders of magnitude towards the first layer.',
    'Weights with std 0.01: z is tiny, every sigmoid sits at 0.5, and all units say the same thing. Nothing saturates, ' +
      'but the layer has lost its expressive power and the gradients shrink layer after layer as well.',
    'Xavier (the course’s √(1/n)) and Glorot (√(2/(n_in+n_out))) keep the variance of z near 1 from layer to layer, so the spread survives. ' +
      'With ReLU half of the units output 0; He’s √(2/n) makes up for that lost half and keeps the spread through the layers.',
    'Batch norm (bottom row) normalises each unit’s z over the batch to mean 0 and variance 1 before the activation, whatever the weights: ' +
      'the histograms look alike for every initialisation, which is why batch norm makes training far less sensitive to it.',
  ],
  params: {
    activation: { label: 'Activation', help: 'The same activation in every layer.', options: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } },
    init: {
      label: 'Initialisation',
      help: 'The standard deviation of the N(0, std²) weights.',
      options: {
        std1: 'std 1', std001: 'std 0.01', xavier: 'course “Xavier” √(1/n)', glorot: 'Glorot √(2/(n_in+n_out))',
        he: 'He √(2/n)', custom: 'custom std (below)',
      },
    },
    std: { label: 'Custom std', help: 'Used when the initialisation is “custom std”; the slider is logarithmic.' },
    layers: { label: 'Layers', help: 'Hidden layers, at most 10.' },
    units: { label: 'Units per layer', help: 'Also the width of the input, at most 500.' },
    samples: { label: 'Samples', help: 'Rows of the input batch, at most 5,000 (samples × units × layers ≤ 5 million).' },
    direction: {
      label: 'Show',
      help: 'Forward: the activations. Backward: log10 |dJ/dz| per layer for a random upstream gradient.',
      options: { forward: 'forward: activations', backward: 'backward: gradients' },
    },
    seed: { label: 'Seed', help: 'The seed of the inputs, the weights and the upstream gradient.' },
  },
  tables: {
    layers: 'Per layer: mean, std and saturated share of the activations, without (plain) and with batch norm',
  },
};
