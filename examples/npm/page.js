// A plain page using trainlab installed from its npm tarball: the API and the custom element.
import { init, mount } from 'trainlab';
import 'trainlab/element';

await init();
window.api = mount(document.getElementById('fig'), 'ewma', { beta: [0.98], seed: 7 }, { exports: false });
document.documentElement.dataset.ready = 'npm';
