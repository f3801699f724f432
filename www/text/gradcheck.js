// English text of view=gradcheck (seed 004: gradient checking).
export default {
  title: 'Gradient checking',
  nav: 'Gradient checking',
  lead: 'Backpropagation is easy to get subtly wrong. Gradient checking nudges every parameter θ by ±ε, ' +
    'takes (J(θ+ε) − J(θ−ε)) / 2ε as an estimate of its derivative, and compares the estimates with the gradient ' +
    'backpropagation computed: ||dθ_approx − dθ|| / (||dθ_approx|| + ||dθ||).',
  notice: [
    'With a correct backward pass every bar sits in the green band, far below 1e-7: the two-sided difference agrees ' +
      'with backpropagation to about as many digits as double precision allows.',
    'Plant a bug and only the tensors it touches jump into the red band, at 1e-3 or above. That is how the check ' +
      'points at the layer to debug: a wrong sign in layer 1’s activation derivative spoils W1 and b1 but not W2.',
    'Turn dropout on (keep probability below 1) with fresh masks: each evaluation of J switches off other units, ' +
      'so J(θ+ε) and J(θ−ε) come from different networks and the check fails although the code is right. ' +
      'That is why the check runs with dropout off, or here with the masks frozen.',
    'ε matters: too large (1e-2) and the difference quotient is biased (its error shrinks like ε²); too small ' +
      '(1e-10) and rounding in J(θ±ε) dominates. The check is slow (two forward passes per parameter), so it is ' +
      'run once to debug, never during training.',
  ],
  params: {
    layers: { label: 'Hidden layers', help: '0 to 4 hidden layers (4 inputs, 3 outputs, 8 examples).' },
    units: { label: 'Units per layer', help: 'Units in each hidden layer, 1 to 16.' },
    activation: {
      label: 'Activation',
      help: 'Activation of the hidden layers.',
      options: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', linear: 'linear' },
    },
    output: {
      label: 'Output and loss',
      help: 'Output activation with its loss.',
      options: { softmax: 'softmax + cross-entropy', sigmoid: 'sigmoid + binary cross-entropy', linear: 'linear + squared error' },
    },
    batch_norm: { label: 'Batch norm', help: 'Normalise each hidden layer before its activation (gamma and beta replace the bias).' },
    l2: { label: 'L2 λ', help: 'Adds λ/(2m)·Σ||W||² to the cost and λ/m·W to the weight gradients.' },
    keep_prob: { label: 'Dropout keep probability', help: '1 = no dropout.' },
    freeze_masks: { label: 'Freeze dropout masks', help: 'Use one set of masks for every evaluation of J.' },
    bug: {
      label: 'Plant a bug',
      help: 'A deliberate mistake in the backward pass.',
      options: {
        none: 'none',
        activation_sign: 'wrong sign of g′ in layer 1',
        missing_l2_gradient: 'L2 term left out of dW',
        bias_not_averaged: 'db of layer 1 not divided by m',
        dropout_mask_ignored: 'dropout mask forgotten in backprop',
      },
    },
    epsilon: { label: 'ε', help: 'The nudge of the two-sided difference (the notes use 1e-7).' },
    seed: { label: 'Seed', help: 'Seeds the weights, the batch and the dropout masks.' },
  },
  tables: {
    groups: 'Relative difference per parameter tensor (the last row: all parameters)',
  },
};
