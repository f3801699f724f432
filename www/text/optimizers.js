// English text of view=optimizers (seed 001: momentum, RMSprop, Adam, learning-rate decay, local
// optima; seed 004: DLFS's comparison of SGD, Momentum, AdaGrad and Adam). Formulas are TeX
// ($…$, typeset at build time); an optimizer's name is coloured like its path.
const lr = (name) => ({ label: `${name}: learning rate`, help: 'Must be greater than 0. Too large and the path diverges (it stops and the legend says so).' });
const SGD = '$\\textcolor{#0072b2}{\\text{SGD}}$';
const MOMENTUM = '$\\textcolor{#d55e00}{\\text{Momentum}}$';
const ADAM = '$\\textcolor{#56b4e9}{\\text{Adam}}$';
export default {
  title: 'Optimizers on a loss surface',
  nav: 'Optimizers & LR schedules',
  caption: 'Optimizers race from one start across a 2-D loss surface: their paths over the contour lines, the loss per step and the learning-rate schedule.',
  source: 'Seed 001 · DLFS ch. 6 (figure 6-8)',
  lead: 'Each optimizer is the same code that updates a network’s weights, applied to just two numbers $(x, y)$. ' +
    'They start at the same point of the same surface; the contour lines show the valley, the right-hand plots the loss per step ' +
    '(log scale) and the learning-rate schedule. Drag the start on the contour plot (or focus the figure and use the arrow keys), ' +
    'and hover a path for its step and loss.',
  steps: [
    { text: `${SGD} on the bowl $f = x^2/20 + y^2$: it zig-zags across the steep $y$ direction.`,
      set: 'momentum=0&adagrad=0&adam=0' },
    { text: `${MOMENTUM}, $v = βv + (1-β)dW$: the bounces across the valley cancel.`,
      set: 'adagrad=0&adam=0&convention=ng&lr_momentum=1' },
    { text: `${ADAM}, $W := W - α\\frac{v}{\\sqrt{s}+ε}$: almost straight to the minimum.`,
      set: 'momentum=0&adagrad=0' },
    { text: `${SGD} with $α = 1.2$: $y$ is multiplied by $1 - 2α = -1.4$ each step and diverges.`,
      set: 'momentum=0&adagrad=0&adam=0&lr_sgd=1.2&steps=60' },
    { text: 'Gradient noise and the decay $α = 0.95^{t} α_0$: the path settles.',
      set: 'momentum=0&adagrad=0&adam=0&noise=1&schedule=exponential&steps=150' },
    { text: `The saddle $(x^2 - y^2)/20$: ${SGD} creeps for 50 steps, ${ADAM} escapes in 4.`,
      set: 'surface=saddle&y0=0.01&momentum=0&adagrad=0&steps=80' },
  ],
  notice: [
    'Zig-zag across the valley: on $x^2/20 + y^2$ the slope across the valley ($y$) is 20 times steeper than along it ($x$). ' +
      'Plain SGD with a step large enough to make progress along $x$ overshoots across $y$ each time, so it bounces from wall to wall ' +
      '(with lr 0.95 the $y$ coordinate flips sign every step, multiplied by $-0.9$) while $x$ shrinks by only 9.5% per step.',
    'Momentum averages the gradients: the bounces across the valley point in opposite directions and cancel, the steady pull ' +
      'along the valley adds up. The price is overshoot: the velocity carries the point past the minimum and it swings back, ' +
      'like a ball with little friction. A larger β means a longer memory, more speed and more overshoot.',
    'Per-coordinate step sizes: AdaGrad, RMSprop and Adam divide each coordinate’s step by the root of its own average squared ' +
      'gradient. The steep $y$ direction gets small steps and the shallow $x$ direction large ones, so the path heads almost straight ' +
      'for the minimum. Adam’s first step is lr in every coordinate ($\\mathrm{lr} \\cdot \\operatorname{sign}(g)$), whatever the gradient’s size. AdaGrad’s sum never ' +
      'forgets, so its steps keep shrinking; RMSprop and Adam use an exponentially weighted average and keep moving.',
    'Two ways to write momentum: the course’s $v = βv + (1-β)g$, $W := W - αv$, and DLFS/PyTorch’s $v = μv - \\mathrm{lr} \\cdot g$, $W := W + v$. ' +
      'They trace the same path when $\\mathrm{lr} = (1-β)α$: switch the convention and divide or multiply the learning rate by 10 ($β = 0.9$) to see it.',
    'Saddle escape: on the saddle start near $y = 0$ (for example $y_0 = 0.01$). The gradient across the ridge is tiny, so plain SGD ' +
      'creeps along for many steps before it falls off; momentum and Adam build speed (Adam scales the tiny gradient up) and leave much sooner. ' +
      'In high dimensions most points with zero gradient are saddles like this one, not local minima.',
    'Learning-rate decay: with gradient noise (a stand-in for mini-batch noise) a constant rate keeps the point wandering around the minimum; ' +
      'a decaying schedule ($α_0/(1 + \\text{decay} \\cdot t)$, $0.95^{t} α_0$, $k α_0/\\sqrt{t}$ or a staircase) lets it settle. One step counts as one epoch here.',
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
    x0: { label: 'Start x', help: 'Or drag the start on the contour plot (arrow keys move it too).' },
    y0: { label: 'Start y', help: 'Or drag the start on the contour plot (arrow keys move it too).' },
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
      label: 'LR schedule',
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
  columns: {
    optimizer: 'Optimizer', lr: 'Learning rate α', steps: 'Steps', x: 'End x', y: 'End y', loss: 'Final loss f',
  },
  rows: {
    diverged: (a) => `${a.name} (diverged at step ${a.step})`,
  },
  ui: {
    race: 'Race',
    optimizers: 'Optimizers',
    step: 'Step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    preset: 'DLFS comparison',
    playing: (n) => `step ${n}`,
    moved: (x, y) => `Start moved to (${x}, ${y}).`,
    settings: (lr) => `Settings · lr ${lr}`,
    keys: 'Contour plot: drag the start, or use the arrow keys (Shift: steps of 1).',
    point: (o, f) => `${o.name}, step ${o.step}: loss ${f(o.loss)} at (${f(o.x)}, ${f(o.y)})${o.lr === null ? '' : `, lr ${f(o.lr)}`}`,
  },
};
