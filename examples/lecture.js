// Builds the example lecture page: every registered view as an iframe and as a custom element,
// and one mounted through the API.
import { init, views, mount } from '../www/trainlab.js';

await init();
const frames = document.getElementById('frames');
const elements = document.getElementById('elements');
for (const v of views()) {
  const frame = document.createElement('iframe');
  frame.src = `../index.html?view=${v.id}&embed=1`;
  frame.title = `trainlab: ${v.id}`;
  frame.loading = 'lazy';
  frames.append(frame);
  const el = document.createElement('trainlab-view');
  el.setAttribute('view', v.id);
  elements.append(el);
}
window.lectureApi = mount(document.getElementById('api'), views()[0].id, { seed: 3 }, { exports: false });
document.documentElement.dataset.ready = 'lecture';
