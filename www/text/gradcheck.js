// English text of view=gradcheck (seed 004: gradient checking).
export default {
  title: 'Gradient checking',
  nav: 'Gradient checking',
  caption: 'One bar per parameter tensor: how far backpropagation’s gradient is from the two-sided difference, on a log scale, over the notes’ bands.',
  source: 'Seed 004 · Gradient checking',
  lead: 'Backpropagation is easy to get subtly wrong. Gradient checking nudges every parameter $\\theta_i$ by $\\pm\\varepsilon$, ' +
    'takes $d\\theta_{approx,i} = \\frac{J(\\theta + \\varepsilon e_i) - J(\\theta - \\varepsilon e_i)}{2\\varepsilon}$ as an estimate of its derivative, and compares the estimates ' +
    'with the gradient backpropagation computed: $\\frac{\\lVert d\\theta_{approx} - d\\theta\\rVert_2}{\\lVert d\\theta_{approx}\\rVert_2 + \\lVert d\\theta\\rVert_2}$. ' +
    'About $10^{-7}$ or less is fine, $10^{-5}$ asks for a closer look, $10^{-3}$ or more is very likely a bug. Hover or tap a bar (or focus the figure and use the arrow keys) for its numbers.',
  steps: [
    { text: 'A correct backward pass: every bar sits far below $10^{-7}$, at about $10^{-9}$.', set: '' },
    { text: 'A wrong sign of $g\'$ in layer 1: W1 and b1 jump into the red band, W2 and later stay green.', set: 'bug=activation_sign' },
    { text: 'The L2 term left out of $dW$ (with $\\lambda = 0.7$): every W turns red, the biases stay green.', set: 'l2=0.7&bug=missing_l2_gradient' },
    { text: 'Dropout with fresh masks at each evaluation (keep 0.8): the check fails although the code is right.', set: 'keep_prob=0.8' },
    { text: 'The same dropout with its masks frozen: the check passes again.', set: 'keep_prob=0.8&freeze_masks=1' },
    { text: '$\\varepsilon = 10^{-2}$: the difference quotient’s error, which shrinks like $\\varepsilon^2$, lifts every bar to about $10^{-5}$.', set: 'epsilon=0.01' },
  ],
  notice: [
    'With a correct backward pass every bar sits in the green band, far below $10^{-7}$: the two-sided difference agrees ' +
      'with backpropagation to about as many digits as double precision allows.',
    'Plant a bug and only the tensors it touches jump into the red band, at $10^{-3}$ or above. That is how the check ' +
      'points at the layer to debug: a wrong sign in layer 1’s activation derivative spoils W1 and b1 but not W2.',
    'Turn dropout on (keep probability below 1) with fresh masks: each evaluation of $J$ switches off other units, ' +
      'so $J(\\theta+\\varepsilon)$ and $J(\\theta-\\varepsilon)$ come from different networks and the check fails although the code is right. ' +
      'That is why the check runs with dropout off, or here with the masks frozen.',
    '$\\varepsilon$ matters: too large ($10^{-2}$) and the difference quotient is biased (its error shrinks like $\\varepsilon^2$); too small ' +
      '($10^{-10}$) and rounding in $J(\\theta\\pm\\varepsilon)$ dominates. The check is slow (two forward passes per parameter), so it is ' +
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
  columns: {
    tensor: 'Tensor',
    entries: 'Entries',
    rel_diff: 'Relative difference',
    max_abs_diff: 'Largest |dθ_approx − dθ|',
  },
  rows: {
    all: 'all parameters',
  },
  readout_hint: 'Arrow keys: up and down move between the bars.',
};
