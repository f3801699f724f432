"""trainlab views as Jupyter widgets, through anywidget.

    from trainlab_widget import TrainlabView
    TrainlabView(view="ewma", beta=0.98)

Keyword arguments are the view's parameters (the names of its URL parameters); each becomes a
trait of the widget, kept in step with the figure both ways (``w.beta = 0.5`` redraws; moving the
slider updates ``w.beta``). ``w.query`` holds the view's whole state as a query string.
Options: ``lang`` ("en" or "ko"), ``hide`` (a list of parameter names), ``controls`` and
``exports`` (False: figure only / no download buttons), ``src``: the address trainlab is served
from (a folder with www/ and pkg/, such as the lab's dist/). Without ``src`` the widget uses the
environment variable ``TRAINLAB_URL``, else, under a local Jupyter server whose root folder holds
this lab, the server's own ``files/`` address of it.
"""

import os
import pathlib

import anywidget
import traitlets

HERE = pathlib.Path(__file__).resolve().parent
# the lab this file belongs to: examples/jupyter/ sits two levels below it (dist/ or the checkout)
LAB = HERE.parents[1]
OPTIONS = ("lang", "hide", "controls", "exports")


def default_src(lab=LAB):
    """Where the browser finds trainlab: TRAINLAB_URL, or a local Jupyter server's files/ path."""
    if os.environ.get("TRAINLAB_URL"):
        return os.environ["TRAINLAB_URL"]
    try:
        from jupyter_server.serverapp import list_running_servers
    except ImportError:
        return ""
    for server in list_running_servers():
        root = pathlib.Path(server.get("root_dir") or server.get("notebook_dir") or "/").resolve()
        if lab == root or root in lab.parents:
            rel = lab.relative_to(root).as_posix()
            return f"{server.get('base_url', '/')}files/{rel + '/' if rel != '.' else ''}"
    return ""


class TrainlabView(anywidget.AnyWidget):
    """One trainlab view (``view``, default "ewma") with its parameters as traits."""

    _esm = HERE / "trainlab_widget.js"
    view = traitlets.Unicode("ewma").tag(sync=True)
    lang = traitlets.Unicode("").tag(sync=True)
    hide = traitlets.List(traitlets.Unicode()).tag(sync=True)
    controls = traitlets.Bool(True).tag(sync=True)
    exports = traitlets.Bool(True).tag(sync=True)
    src = traitlets.Unicode("").tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
    _params = traitlets.Dict().tag(sync=True)

    def __init__(self, view="ewma", *, src=None, **kwargs):
        options = {k: kwargs.pop(k) for k in OPTIONS if k in kwargs}
        taken = set(self.trait_names())
        # a parameter named like one of the widget's own traits (optimizers' "layout") gets a "_"
        names = {name: name + "_" if name in taken else name for name in kwargs}
        self.add_traits(**{trait: traitlets.Any(kwargs[name]).tag(sync=True) for name, trait in names.items()})
        super().__init__(
            view=view,
            src=default_src() if src is None else src,
            _params=names,
            **options,
            **{trait: kwargs[name] for name, trait in names.items()},
        )
