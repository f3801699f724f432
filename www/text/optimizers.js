// English text of view=optimizers (seed 001: momentum, RMSprop, Adam, learning-rate decay, local
// optima; seed 004: DLFS's comparison of SGD, Momentum, AdaGrad and Adam).
const lr = (name) => ({ label: `${name}: learning rate`, help: 'Must be greater than 0. Too large and the path diverges (it stops and the legend says so).' });
export default {
  title: 'Optimizers on a loss surface',
  nav: 'Optimizers & LR schedules',
  lead: 'Each optimizer below is the same code that updates a network’s weights, applied to just two numbers (x, y). ' +
    'They start at the same point of the same surface; the contour lines show the valley, the right-hand plots the loss per step ' +
    '(log scale) and the learning-rate schedule. Click the contour plot to move the start.',
  notice: [
    'Zig-zag across the valley: on x²/20 + y² the slope across the valley (y) is 20 times steeper than along it (x). ' +
      'Plain SGD with a step large enough to make progress along x overshoots across y each time, so it bounces from wall to wall ' +
      '(with lr 0.95 the y coordinate flips sign every step, multiplied by −0.9) while x shrinks by only 9.5% per step.',
    'Momentum averages the gradients: the bounces across the valley point in opposite directions and cancel, the steady pull ' +
      'along the valley adds up. The price is overshoot: the velocity carries the point past the minimum and it swings back, ' +
      'like a ball with little friction. A larger β means a longer memory, more speed and more overshoot.',
    'Per-coordinate step sizes: AdaGrad, RMSprop and Adam divide each coordinate’s step by the root of its own average squared ' +
      'gradient. The steep y direction gets small steps and the shallow x direction large ones, so the path heads almost straight ' +
      'for the minimum. Adam’s first step is lr in every coordinate (lr·sign(g)), whatever the gradient’s size. AdaGrad’s sum never ' +
      'forgets, so its steps keep shrinking; RMSprop and Adam use an exponentially weighted average and keep moving.',
    'Two ways to write momentum: the course’s v = βv + (1−β)g, W −= αv, and DLFS/PyTorch’s v = μv − lr·g, W += v. ' +
      'They trace the same path when lr = (1−β)·α: switch the convention and divide or multiply the learning rate by 10 (β = 0.9) to see it.',
    'Saddle escape: on the saddle start near y = 0 (for example y0 = 0.01). The gradient across the ridge is tiny, so plain SGD ' +
      'creeps along for many steps before it falls off; momentum and Adam build speed (Adam scales the tiny gradient up) and leave much sooner. ' +
      'In high dimensions most points with zero gradient are saddles like this one, not local minima.',
    'Learning-rate decay: with gradient noise (a stand-in for mini-batch noise) a constant rate keeps the point wandering around the minimum; ' +
      'a decaying schedule (1/(1 + decay·epoch), 0.95^epoch, k/√epoch or a staircase) lets it settle. One step counts as one epoch here.',
    'Several minima: on the rippled surface a small learning rate settles in the nearest dip, while momentum can roll through a shallow one.',
  ],
  params: {
    surface: {
      label: 'Surface',
      help: 'The loss f(x, y). Rosenbrock is scaled into the window (minimum at (5, 0)).',
      options: {
        bowl: 'Elongated bowl x²/20 + y² (DLFS)',
        rotated: 'Rotated quadratic (condition number)',
        rosenbrock: 'Rosenbrock banana valley',
        saddle: 'Saddle (x² − y²)/20',
        multimodal: 'Several minima',
      },
    },
    condition: { label: 'Condition number', help: 'Rotated quadratic only: ratio of the steepest to the shallowest curvature.' },
    x0: { label: 'Start x', help: 'Or click on the contour plot.' },
    y0: { label: 'Start y', help: 'Or click on the contour plot.' },
    steps: { label: 'Steps', help: 'At most 10,000. Step, Play and Reset change it.' },
    convention: {
      label: 'Momentum convention',
      help: 'How Momentum, Nesterov and Adam are written (and the default ε: 1e-7 DLFS, 1e-8 course).',
      options: { dlfs: 'DLFS / PyTorch: v = μv − lr·g; W += v', ng: 'Course (Ng): v = βv + (1−β)g; W −= αv' },
    },
    sgd: { label: 'SGD', help: 'W −= lr·g.' },
    lr_sgd: lr('SGD'),
    momentum: { label: 'Momentum', help: 'Heavy ball: a running average of gradients.' },
    lr_momentum: lr('Momentum'),
    momentum_beta: { label: 'Momentum: β (μ)', help: 'Weight of the past, in [0, 1). 0.9 averages about 10 steps.' },
    nesterov: { label: 'Nesterov', help: 'Momentum that looks ahead: W += μ²v − (1+μ)·lr·g; v = μv − lr·g.' },
    lr_nesterov: lr('Nesterov'),
    nesterov_beta: { label: 'Nesterov: μ', help: 'In [0, 1).' },
    adagrad: { label: 'AdaGrad', help: 'h += g²; W −= lr·g/(√h + 1e-7).' },
    lr_adagrad: lr('AdaGrad'),
    rmsprop: { label: 'RMSprop', help: 's = β₂s + (1−β₂)g²; W −= lr·g/(√s + ε).' },
    lr_rmsprop: lr('RMSprop'),
    rmsprop_beta2: { label: 'RMSprop: β₂ (ρ)', help: 'In [0, 1). DLFS uses 0.99.' },
    adam: { label: 'Adam', help: 'Momentum and RMSprop together, with bias correction.' },
    lr_adam: lr('Adam'),
    adam_beta1: { label: 'Adam: β₁', help: 'In [0, 1). Default 0.9.' },
    adam_beta2: { label: 'Adam: β₂', help: 'In [0, 1). Default 0.999.' },
    bias_correction: { label: 'Adam bias correction', help: 'Divide by 1−β₁ᵗ and 1−β₂ᵗ (DLFS folds it into the learning rate).' },
    layout: {
      label: 'Layout',
      help: 'All paths in one plot, or one small plot per optimizer (like the DLFS figure).',
      options: { overlay: 'One plot, all paths', multiples: 'Small multiples' },
    },
    schedule: {
      label: 'Learning-rate schedule',
      help: 'Applied to every optimizer: lr at step t = schedule(t) × its lr.',
      options: {
        constant: 'Constant',
        inverse_time: 'α₀ / (1 + decay·epoch)',
        exponential: 'base^epoch · α₀',
        inverse_sqrt: 'k / √epoch · α₀',
        staircase: 'Staircase (× drop every n epochs)',
      },
    },
    decay_rate: { label: 'Decay rate', help: 'For α₀ / (1 + decay·epoch).' },
    decay_base: { label: 'Exponential base', help: 'For base^epoch · α₀ (the course uses 0.95).' },
    decay_k: { label: 'k', help: 'For k / √epoch · α₀.' },
    stair_drop: { label: 'Staircase factor', help: 'Multiply the rate by this at each stair.' },
    stair_every: { label: 'Stair length (epochs)', help: 'Epochs per stair.' },
    noise: { label: 'Gradient noise', help: 'Standard deviation of Gaussian noise added to each gradient coordinate, like a mini-batch estimate.' },
    seed: { label: 'Seed', help: 'The seed of the gradient noise; every optimizer sees the same noise.' },
    grid: { label: 'Contour grid', help: 'Points per side of the grid the contour lines are traced on.' },
  },
  tables: {
    race: 'Where each optimizer ended',
  },
  ui: {
    step: 'Step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    preset: 'DLFS comparison',
    playing: (n) => `step ${n}`,
    moved: (x, y) => `Start moved to (${x}, ${y}).`,
  },
};
