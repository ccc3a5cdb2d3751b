"""What axe cannot see: a page under enlarged text, text spacing and reflow, checked as a reader sees it.

Three set-ups a low-vision reader uses (WCAG 2.2):
- text only at 200 % (SC 1.4.4): Chromium's own font size raised from 16 to 32 px, as set in
  the browser's settings; media queries in em then see the larger text too;
- reflow (SC 1.4.10): a viewport of 320 x 256 CSS px, which is 1280 x 1024 at 400 % zoom;
- text spacing (SC 1.4.12): line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em
  and word spacing 0.16 em forced on every element by a user stylesheet.

`layout_problems(page)` then lists, for the page as it is:
- sideways scrolling (the document wider than the window);
- text off screen or outside its box: a line of text that sticks out of the block it belongs
  to, or out of any ancestor a reader sees as a box (a background, a border, or clipping);
- elements covering each other: a line of text running over another line of text or over an
  image or a form control, or text and controls that another element lies on top of (hit
  tested at every scroll position, so sticky columns are caught where they stick).

Generic on purpose: no selector of this site is named, so a new page or component is checked
as it stands. What is hidden by design (visually hidden text, a skip link parked above the
page, the honeypot off to the left) is left out.

Used by the browser tests and, as a plain script, by tests/browser/screenshots.py.
"""

import json

TEXT_SIZE_200 = {"standard": 32, "fixed": 26}  # Chromium's defaults: 16 and 13

# WCAG 2.2 SC 1.4.12's values, as a user stylesheet or bookmarklet applies them.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: .12em !important;
    word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }
"""

# The set-ups the tests and screenshots use: (name, viewport, text size, text spacing).
SETUPS = {
    "text 200%, 1280 px": ({"width": 1280, "height": 800}, TEXT_SIZE_200, False),
    "text 200%, 1024 px": ({"width": 1024, "height": 768}, TEXT_SIZE_200, False),
    "text 200%, 768 px": ({"width": 768, "height": 1024}, TEXT_SIZE_200, False),
    "reflow 320x256": ({"width": 320, "height": 256}, None, False),
    "text spacing, 320 px": ({"width": 320, "height": 640}, None, True),
    "text spacing, 1280 px": ({"width": 1280, "height": 800}, None, True),
}


def enlarge_text(page, font_sizes=TEXT_SIZE_200):
    """Set Chromium's own default font sizes for this page (do it before page.goto)."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": font_sizes})
    return session


def apply_text_spacing(page):
    """Force WCAG's text spacing on the loaded page. The context needs bypass_csp=True: the
    site's CSP rightly refuses a style it did not send."""
    page.add_style_tag(content=TEXT_SPACING_CSS)


def text_spacing_on_every_page(context):
    """Force WCAG's text spacing on every page the context opens, as a reader's user stylesheet
    does (the context needs bypass_csp=True)."""
    css = json.dumps(TEXT_SPACING_CSS)
    context.add_init_script(
        script=f"""document.addEventListener('DOMContentLoaded', () => {{
          const style = document.createElement('style');
          style.textContent = {css};
          document.head.append(style);
        }});"""
    )


# Everything in one pass in the page, synchronously, so layout cannot move under it.
_LAYOUT_PROBLEMS = r"""
(limit) => {
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const problems = [];
  const seen = new Set();
  const report = (text) => { if (!seen.has(text)) { seen.add(text); problems.push(text); } };
  const style = (el) => getComputedStyle(el);
  const name = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = [...el.classList].slice(0, 2);
    if (cls.length) s += '.' + cls.join('.');
    return s;
  };
  const words = (t) => JSON.stringify(t.replace(/\s+/g, ' ').trim().slice(0, 40));
  const TOL = 1.5;  // sub-pixel rounding and anti-aliasing

  // Hidden by design: nothing to read there, or parked where no one looks.
  const hiddenCache = new Map();
  const hiddenByDesign = (el) => {
    if (!el) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const s = style(el);
    const r = el.getBoundingClientRect();
    // checkVisibility: false inside a closed <details> (content-visibility: hidden) too.
    let hidden = !el.checkVisibility({opacityProperty: true, visibilityProperty: true})
      || s.clip !== 'auto' || s.clipPath !== 'none'
      || ((r.width <= 1 || r.height <= 1) && s.overflow !== 'visible')
      || (s.position === 'absolute' && (r.bottom + scrollY <= 0 || r.right + scrollX <= 0));
    if (!hidden) hidden = hiddenByDesign(el.parentElement);
    hiddenCache.set(el, hidden);
    return hidden;
  };
  const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  // An ancestor a reader sees as a box: text that leaves it is visibly out of place.
  const isVisibleBox = (el) => {
    if (el === document.body || el === doc) return false;
    const s = style(el);
    return !transparent(s.backgroundColor) || s.backgroundImage !== 'none'
      || ['Top', 'Right', 'Bottom', 'Left'].some(
           (side) => parseFloat(s['border' + side + 'Width']) > 0
                     && s['border' + side + 'Style'] !== 'none')
      || s.overflowX !== 'visible' || s.overflowY !== 'visible';
  };
  const blockOf = (el) => {
    let b = el;
    while (b && ['inline', 'contents'].includes(style(b).display)) b = b.parentElement;
    return b;
  };
  const outside = (r, b) => r.left < b.left - TOL || r.right > b.right + TOL
    || r.top < b.top - TOL || r.bottom > b.bottom + TOL;
  const overlap = (a, b, min = 3) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > min
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > min;

  // 1. Sideways scrolling.
  if (doc.scrollWidth > vw) report(`scrolls sideways: ${doc.scrollWidth}px of content in a ${vw}px window`);

  // The text on the page: one entry per visible text node.
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest('script, style, template, noscript, select, option, textarea, svg')) continue;
    if (el.getClientRects().length === 0 || hiddenByDesign(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    texts.push({node: n, el, range, block: blockOf(el), label: words(n.textContent)});
  }
  const rectsOf = (t) => [...t.range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);

  // 2. Text off screen or outside its box. Positions relative to the document.
  scrollTo({left: 0, top: 0, behavior: 'instant'});
  const boxesOf = new Map();
  for (const t of texts) {
    const boxes = [t.block];
    for (let a = t.block.parentElement; a && a !== document.body; a = a.parentElement) {
      if (isVisibleBox(a)) boxes.push(a);
    }
    boxesOf.set(t, boxes);
    for (const r of rectsOf(t)) {
      if (r.left < -TOL || r.right > vw + TOL) {
        report(`text off screen: ${t.label} in ${name(t.el)} (x ${Math.round(r.left)}..${Math.round(r.right)}, window ${vw})`);
      }
      for (const box of boxes) {
        const b = box.getBoundingClientRect();
        if (outside(r, b)) {
          report(`text outside its box: ${t.label} in ${name(t.el)} sticks out of ${name(box)}`
            + ` (text ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)};`
            + ` box ${Math.round(b.left)},${Math.round(b.top)}-${Math.round(b.right)},${Math.round(b.bottom)})`);
          break;
        }
      }
    }
  }

  // 3a. Text running over other text, or over an image or a form control.
  const solids = [...document.body.querySelectorAll('img, svg, input, select, textarea, video, iframe, canvas')]
    .filter((el) => el.getClientRects().length && !hiddenByDesign(el)
                    && !(el.type === 'hidden') && !el.closest('svg svg'));
  const lines = [];
  for (const t of texts) for (const r of rectsOf(t)) lines.push([t, r]);
  for (let i = 0; i < lines.length; i++) {
    const [ti, ri] = lines[i];
    for (let j = i + 1; j < lines.length; j++) {
      const [tj, rj] = lines[j];
      if (ti === tj) continue;
      if (overlap(ri, rj)) report(`text over text: ${ti.label} in ${name(ti.el)} and ${tj.label} in ${name(tj.el)}`);
    }
    for (const s of solids) {
      if (s.contains(ti.el)) continue;
      if (overlap(ri, s.getBoundingClientRect())) report(`text over ${name(s)}: ${ti.label} in ${name(ti.el)}`);
    }
  }

  // 3b. Something lying on top: hit-test text and controls at every scroll position, so that
  // sticky and fixed elements are seen where they stick.
  const controls = [...document.body.querySelectorAll('a[href], button, input, select, textarea, summary')]
    .filter((el) => el.type !== 'hidden' && el.getClientRects().length && !hiddenByDesign(el));
  const related = (a, b) => a === b || a.contains(b) || b.contains(a);
  const step = Math.max(100, Math.floor(innerHeight * 0.75));
  const last = Math.max(0, doc.scrollHeight - innerHeight);
  const vh = innerHeight;
  for (let y = 0; ; y = Math.min(y + step, last)) {
    scrollTo({left: 0, top: y, behavior: 'instant'});
    const inView = (r) => r.top >= 0 && r.bottom <= vh && r.left >= 0 && r.right <= vw;
    for (const t of texts) {
      for (const r of rectsOf(t)) {
        if (!inView(r) || r.width < 4) continue;
        const cy = (r.top + r.bottom) / 2;
        for (const x of [r.left + 2, (r.left + r.right) / 2, r.right - 2]) {
          const hit = document.elementFromPoint(x, cy);
          if (hit && !related(hit, t.el)) {
            report(`covered: ${t.label} in ${name(t.el)} lies under ${name(hit)}`);
            break;
          }
        }
      }
    }
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (!inView(r) || r.width < 2 || r.height < 2) continue;
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      if (hit && !related(hit, el)) report(`covered: ${name(el)} ${words(el.textContent || el.name || '')} lies under ${name(hit)}`);
    }
    if (y >= last || problems.length >= limit) break;
  }
  scrollTo({left: 0, top: 0, behavior: 'instant'});
  return problems.slice(0, limit);
}
"""


def layout_problems(page, limit=40) -> list[str]:
    """Sideways scrolling, text outside its box and elements covering each other, as text."""
    return page.evaluate(_LAYOUT_PROBLEMS, limit)
