// English text of view=depth (seed 001: vanishing and exploding gradients, weight initialization
// for deep networks).
export default {
  title: 'Depth: vanishing and exploding signals',
  nav: 'Vanishing & exploding',
  caption: 'The size of the activations (left) and of the gradients flowing back (right) at every layer of a deep network, on a log scale: a straight line is an exponential in the depth.',
  source: 'Seed 001 · Vanishing / exploding gradients, weight initialization',
  lead: 'The notes’ example: a deep network with $g(z) = z$ and every $W^{[l]} = 1.5I$ computes $a^{[L]} = 1.5^{L}x$, so after 50 layers the activations are ' +
    '$1.5^{50} ≈ 6 × 10^{8}$ times the input; with $0.5I$ they shrink to $0.5^{50} ≈ 9 × 10^{-16}$. The gradients going back do the same from the top down. ' +
    'Random weights behave alike on average: each layer multiplies the mean square by $n\\mathrm{Var}(W)$, which is why the initialisation sets $\\mathrm{Var}(W) = 1/n$ (or $2/n$ for ReLU).',
  steps: [
    { text: 'The linear network of the notes: with $W = 1.5I$ the activations grow as $1.5^{l}$ and the gradients reaching layer $l$ as $1.5^{L-l}$: straight lines on the log axis, exactly on the dashed closed form. $0.5I$ mirrors them downwards.', set: 'show=identity' },
    { text: 'Random weights $W \\sim N(0, 1)$ with $n = 100$ inputs per unit: each layer multiplies the magnitude by about $\\sqrt{n} = 10$, ten decades every ten layers. $σ = \\sqrt{1/n}$ keeps it level.', set: 'show=init' },
    { text: 'ReLU zeroes half of the units, so it keeps half of the mean square: with $σ = \\sqrt{1/n}$ the signal shrinks by $1/\\sqrt{2}$ per layer; He’s $σ = \\sqrt{2/n}$ makes up for the lost half and keeps it level.', set: 'show=init&activation=relu' },
    { text: 'The sigmoid’s slope is at most $\\frac{1}{4}$: with $σ = \\sqrt{1/n}$ the gradient shrinks about fourfold per layer and reaches the input at about $10^{-32}$ of its size at the top: the vanishing gradient. (tanh with $N(0, 1)$ surprises the other way: bounded activations, exploding gradients.)', set: 'show=init&activation=sigmoid' },
    { text: 'Fewer layers, smaller effect: the size after $L$ layers is $\\text{gain}^{L}$, so at 10 layers $1.5^{10} ≈ 58$ is still usable; depth is what makes the gain per layer matter.', set: 'layers=10' },
  ],
  params: {
    activation: {
      label: 'Activation',
      help: 'The same g(z) in every layer.',
      options: { linear: 'linear g(z) = z', relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' },
    },
    show: {
      label: 'Weights shown',
      help: 'The notes’ scaled identities, the three random initialisations, or all five.',
      options: { all: 'all five', identity: 'W = 1.5 I and 0.5 I', init: 'N(0, 1), √(1/n), √(2/n)' },
    },
    layers: { label: 'Layers', help: 'Depth L of the network (at most 50).' },
    width: { label: 'Units per layer', help: 'Width n of every layer and of the input (at most 256).' },
    up: { label: 'Scale above 1', help: 'W = s·I with this s (the notes: 1.5).' },
    down: { label: 'Scale below 1', help: 'W = s·I with this s (the notes: 0.5).' },
    samples: { label: 'Inputs', help: 'Random input rows x ~ N(0, 1) the magnitudes are averaged over.' },
    seed: { label: 'Seed', help: 'The seed of the inputs, the random weights and the gradient at the top.' },
  },
  tables: {
    schemes: 'Each scheme: its factor, the gain per layer expected and measured, and the magnitudes at the ends',
  },
  columns: {
    weights: 'Weights',
    factor: 'Scale or std',
    expected_gain: 'Gain per layer (formula)',
    measured_gain: 'Gain per layer (measured)',
    top_activation: 'Activation at the top',
    input_gradient: 'Gradient at the input',
  },
  rows: {
    up: 'W = s·I, s > 1', down: 'W = s·I, s < 1', normal: 'N(0, 1)', xavier: 'Xavier √(1/n)', he: 'He √(2/n)',
  },
};
