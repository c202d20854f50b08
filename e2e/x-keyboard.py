#!/usr/bin/python3
"""A keyboard on the X server, for the typing benchmark and test: types keys into the app's
window through XTest, the way a real keyboard's keys reach GTK and WebKit, and times each key
from the moment its press is sent to the first pixels drawn in the window after it (XDamage),
on the monotonic clock in nanoseconds (the page's own clock has 1 ms steps).

One command a line on stdin, one JSON line back:
  window <pid>[,<pid>...]   focus the toplevel of one of the processes on this display and
                            watch what is drawn in it
  type <after_ms> <seed> <text>
                            type <text>, one key a code point; after a key's first pixels wait
                            <after_ms> plus a random part of a frame (0-16.7 ms, from <seed>), so
                            that keys fall at every phase of the window's 60 Hz drawing; answers
                            {"ms": [latency of each key, or null if nothing was drawn in 2 s]}
  quit                      give back the keycodes borrowed and leave

Characters without a key of their own on the server's keyboard (Vietnamese letters, capitals,
combining marks) are put on spare keycodes once, before any key is timed, so that no keyboard
remapping happens while typing."""
import json
import random
import select
import sys
import time

from Xlib import X, XK, display
from Xlib.ext import damage, xtest

FRAME_MS = 1000 / 60
NOTHING_DRAWN_S = 2.0
# A frame's drawing is over once nothing more is drawn for this long.
FRAME_DONE_S = 0.002

d = display.Display()
root = d.screen().root
d.damage_query_version()
low, high = d.display.info.min_keycode, d.display.info.max_keycode
mapping = d.get_keyboard_mapping(low, high - low + 1)
spare = [low + i for i, syms in enumerate(mapping) if not any(syms)]
borrowed = []
codes = {}


def keysym_of(ch):
    cp = ord(ch)
    if ch == " ":
        return XK.XK_space
    if 0x20 < cp < 0x7F or 0xA0 <= cp <= 0xFF:
        return cp
    return 0x01000000 | cp  # X11's Unicode keysyms


def keycode_of(ch):
    """A keycode that types `ch` without a modifier: the keyboard's own, or a spare one given `ch`."""
    if ch in codes:
        return codes[ch]
    sym = keysym_of(ch)
    own = [low + i for i, syms in enumerate(mapping) if syms and syms[0] == sym]
    if own:
        codes[ch] = own[0]
    else:
        if not spare:
            raise SystemExit(f"x-keyboard: no spare keycode left for {ch!r}")
        kc = spare.pop()
        d.change_keyboard_mapping(kc, [(sym, sym)])
        borrowed.append(kc)
        codes[ch] = kc
    return codes[ch]


def window_of(pids):
    """The biggest viewable toplevel whose _NET_WM_PID is one of `pids`."""
    wm_pid = d.intern_atom("_NET_WM_PID")
    found = []
    for w in root.query_tree().children:
        try:
            prop = w.get_full_property(wm_pid, X.AnyPropertyType)
            attrs = w.get_attributes()
            geo = w.get_geometry()
        except Exception:
            continue
        if prop and prop.value[0] in pids and attrs.map_state == X.IsViewable:
            found.append((geo.width * geo.height, w, geo))
    if not found:
        raise SystemExit(f"x-keyboard: no window of processes {pids} on {d.get_display_name()}")
    return max(found, key=lambda f: f[0])[1:]


def next_damage(until):
    """Waits for something drawn in the window; its arrival time in ns, or None at `until`."""
    while True:
        while d.pending_events():
            e = d.next_event()
            if e.type == d.extension_event.DamageNotify:
                d.damage_subtract(e.damage)
                return time.monotonic_ns()
        left = until - time.monotonic()
        if left <= 0:
            return None
        select.select([d.fileno()], [], [], left)


def drop_events():
    while d.pending_events():
        e = d.next_event()
        if e.type == d.extension_event.DamageNotify:
            d.damage_subtract(e.damage)


def type_text(after_ms, seed, text):
    phase = random.Random(seed)
    before = len(borrowed)
    for ch in text:
        keycode_of(ch)
    if len(borrowed) > before:
        # Let every client see the new keyboard mapping before the first key is timed.
        d.sync()
        time.sleep(0.2)
    out = []
    for ch in text:
        kc = codes[ch]
        drop_events()
        start = time.monotonic_ns()
        xtest.fake_input(d, X.KeyPress, kc)
        xtest.fake_input(d, X.KeyRelease, kc)
        d.flush()
        drawn = next_damage(time.monotonic() + NOTHING_DRAWN_S)
        out.append(None if drawn is None else (drawn - start) / 1e6)
        next_key = time.monotonic() + (after_ms + phase.uniform(0, FRAME_MS)) / 1000
        # The rest of that frame's drawing (it can take several requests) is not the next key's.
        while next_damage(time.monotonic() + FRAME_DONE_S) is not None:
            pass
        time.sleep(max(0.0, next_key - time.monotonic()))
    return {"ms": out}


def main():
    for line in sys.stdin:
        cmd, _, rest = line.rstrip("\n").partition(" ")
        if cmd == "window":
            win, geo = window_of([int(p) for p in rest.split(",") if p])
            win.damage_create(damage.DamageReportNonEmpty)
            xtest.fake_input(d, X.MotionNotify, x=geo.x + geo.width // 2, y=geo.y + geo.height // 2)
            win.set_input_focus(X.RevertToParent, X.CurrentTime)
            d.sync()
            answer = {"window": win.id}
        elif cmd == "type":
            after, seed, text = rest.split(" ", 2)
            answer = type_text(float(after), int(seed), text)
        elif cmd == "quit":
            break
        else:
            answer = {"error": f"unknown command {cmd!r}"}
        print(json.dumps(answer), flush=True)
    for kc in borrowed:
        d.change_keyboard_mapping(kc, [(X.NoSymbol, X.NoSymbol)])
    d.sync()


main()
