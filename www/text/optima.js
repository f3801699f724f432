// English text of view=optima (seed 001: the problem of local optima: in high dimensions most
// zero-gradient points are saddles; plateaus slow learning; momentum and Adam help).
export default {
  title: 'Local optima, saddles and plateaus',
  nav: 'Local optima & plateaus',
  caption: 'How many points of zero gradient are minima as the dimension grows, for two models of a random Hessian; and gradient descent, momentum and Adam on a plateau or a saddle, with their loss per step.',
  source: 'Seed 001 (The problem of local optima) · Dean & Majumdar 2006',
  lead: 'At a point where the gradient is zero the Hessian $H$ decides what it is: a minimum if the cost curves upwards in every direction ($H$ positive definite), a saddle if it curves up in some and down in others. ' +
    'If each of the $d$ curvatures were positive or negative by a coin toss, independently, a minimum would need $d$ heads: probability $2^{-d}$, one in $2^{1000} \\approx 10^{301}$ for 1,000 weights. ' +
    'The panel of shares draws random Hessians and counts: with independent signs it measures $2^{-d}$; with a random symmetric matrix (the Gaussian orthogonal ensemble, $H = (A + A^{\\top})/\\sqrt 2$, $A_{ij} \\sim \\mathcal N(0, 1)$) minima are far rarer still, because its eigenvalues repel each other. ' +
    'So the trouble is not local minima but the flat ground around saddles and plateaus, where the gradient is tiny. Drag on the surface to move the start.',
  steps: [
    { text: 'On the plateau the gradient is almost zero: plain gradient descent crawls for about 390 steps before the loss drops, momentum leaves after 62 and Adam after 29. Watch the loss panel: the long flat line is the plateau.', set: '' },
    { text: 'The share of minima: with independent signs each dimension halves it, $2^{-d}$; random symmetric Hessians give $0.146$ at $d = 2$ (exactly $(2-\\sqrt 2)/4$) and fall like $e^{-\\theta d^2}$ with $\\theta = \\ln 3 / 4$ for large $d$. Draw a million to see how far they fall.', set: 'max_dim=16&draws=1000000' },
    { text: 'A saddle between two minima: from near its ridge every path first slides into the saddle, then crawls away from it (the loss sits at 0.25 for a while). Plain gradient descent leaves after 68 steps, momentum after 25, Adam after 23.', set: 'surface=saddle&steps=120' },
    { text: 'Start exactly on the ridge, $y_0 = 0$: the gradient across it is exactly zero, and no optimizer ever leaves the saddle. In training, the noise of mini-batches pushes a path off.', set: 'surface=saddle&saddle_y0=0&steps=200' },
    { text: 'Momentum in its heavy-ball form $v := \\mu v - \\alpha \\nabla f$, $w := w + v$: on a steady slope it reaches $1/(1-\\mu)$ times the plain step. With $\\mu = 0.5$ that is only twice: it needs 199 steps instead of 62.', set: 'mu=0.5' },
    { text: 'Adam divides each step by the root of the mean squared gradient, so even a tiny gradient gives a step of about $\\alpha$. With $\\alpha = 0.01$ it needs 211 steps: its speed on a plateau is set by $\\alpha$, not by the slope.', set: 'lr_adam=0.01' },
  ],
  notice: [
    'Why the two models differ: with independent signs, each direction’s curvature ignores the others. The eigenvalues of a random symmetric matrix are not independent: they repel, spreading over a semicircle around 0. For all of them to be positive the whole spectrum must shift to one side, which costs probability $\\propto e^{-\\theta d^2}$, far below $2^{-d} = e^{-0.69 d}$.',
    'A plateau is not a trap, only slow: gradient descent’s step is $\\alpha$ times the gradient, so where the gradient is $10^{-3}$ it moves $10^{-3}\\alpha$ per step. Momentum accumulates the small steps, Adam rescales them by their own size.',
  ],
  params: {
    surface: {
      label: 'Surface',
      help: 'A plateau around one minimum, or a saddle between two minima.',
      options: { plateau: 'plateau f = 1 − exp(−(x²/4 + y²)/2)', saddle: 'saddle f = x²/2 + (y² − 1)²/4' },
    },
    lr: { label: 'Learning rate α (GD, momentum)', help: 'The step of plain gradient descent and of momentum.' },
    lr_adam: { label: 'Adam’s learning rate', help: 'Adam’s step is about this long whatever the gradient’s size.' },
    steps: { label: 'Steps', help: 'Steps of each optimizer (at most 10,000).' },
    max_dim: { label: 'Largest dimension d', help: 'The share of minima is measured for d = 1 to this (at most 60).' },
    mu: { label: 'Momentum μ', help: 'The heavy ball’s friction, in [0, 1): a steady slope gives 1/(1 − μ) times the plain step.' },
    draws: { label: 'Hessians drawn', help: 'Random Hessians of each model (at most 10,000,000), drawn a few thousand per frame.' },
    x0: { label: 'Start x (plateau)', help: 'Or drag on the surface.' },
    y0: { label: 'Start y (plateau)', help: 'Or drag on the surface.' },
    saddle_x0: { label: 'Start x (saddle)', help: 'Or drag on the surface.' },
    saddle_y0: { label: 'Start y (saddle)', help: 'Distance from the ridge: the closer to 0, the longer the crawl. Or drag on the surface.' },
    seed: { label: 'Seed', help: 'The seed of the random Hessians.' },
  },
  tables: {
    escape: 'How long each optimizer stays on the flat ground',
    minima: 'The share of critical points that are minima, per dimension',
  },
  columns: {
    optimizer: 'Optimizer',
    lr: 'Learning rate α',
    escape: 'Leaves at step',
    flat_steps: 'Steps within 10% of the flat level',
    final_loss: 'Final loss',
    d: 'Dimension d',
    two_to_minus_d: '2⁻ᵈ (exact, independent signs)',
    signs_share: 'Independent signs, measured',
    goe_share: 'Random symmetric (GOE), measured',
    goe_minima: 'Random symmetric: minima found',
  },
  rows: {
    sgd: 'gradient descent',
    momentum: 'momentum',
    adam: 'Adam',
  },
  ui: {
    moved: (a, b) => `Start moved to (${a}, ${b}).`,
  },
};
