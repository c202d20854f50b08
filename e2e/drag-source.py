#!/usr/bin/python3
"""A tiny desktop drag source for the end-to-end tests: a GTK window at (x, y) that offers the
files named on the command line as a text/uri-list drag, the way a file manager does. xdotool
then drags from it onto the app's window, so the app receives a real X11 (XDND) drop.

Usage: drag-source.py X Y FILE...  (prints "ready" once the window is on screen)"""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

x, y = int(sys.argv[1]), int(sys.argv[2])
uris = [Path(f).resolve().as_uri() for f in sys.argv[3:]]

window = Gtk.Window(title="drag-source")
window.set_decorated(False)
window.set_default_size(120, 60)
window.move(x, y)
box = Gtk.EventBox()
box.add(Gtk.Label(label="tệp"))
window.add(box)
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
box.drag_source_add_uri_targets()
box.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
box.connect("drag-end", lambda *_: GLib.timeout_add(500, Gtk.main_quit))
window.connect("destroy", Gtk.main_quit)


def ready():
    print("ready", flush=True)
    return False


window.connect("map-event", lambda *_: GLib.timeout_add(300, ready))
window.show_all()
GLib.timeout_add(60000, Gtk.main_quit)  # never outlive a failed test
Gtk.main()
