// Loads trainlab's ES module, which defines <trainlab-view>, on every page of the book.
// mdBook adds this file to each chapter as a classic script (book.toml: output.html.additional-js).
// TRAINLAB is the folder the lab is served from, relative to the book's root: the book here is
// built into dist/book/, next to the lab in dist/ (mdBook copies this file to the book root). Point it at your own copy, for example
// 'https://example.edu/trainlab/'.
(function () {
  const TRAINLAB = '../';
  const bookRoot = new URL('.', document.currentScript.src);
  import(new URL('www/trainlab.js', new URL(TRAINLAB, bookRoot)).href);
})();
