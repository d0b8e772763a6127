() => {
  // Everything on the page that is cut: text its box clips, text past the screen's edge,
  // a chart wider than its place, a word past its chart or its tile, a picture over the title.
  const problems = [];
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const screenRight = document.documentElement.clientWidth;
  const words = el => (el.textContent || '').trim().replace(/\s+/g, ' ');
  const named = el => {
    const owner = el.closest('[data-testid]');
    const id = owner ? owner.getAttribute('data-testid') : el.tagName.toLowerCase();
    return `${id} "${words(el).slice(0, 50)}"`;
  };
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const skipped = '[data-testid="stDataFrame"], [data-testid="stDataFrameResizable"], '
    + '[data-baseweb="select"], [data-baseweb="popover"], [data-testid="stCode"], '
    + 'input, textarea, svg, canvas, [data-testid="stTooltipIcon"]';
  const scrolls = el => {
    for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
      const x = getComputedStyle(up).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  for (const el of main.querySelectorAll('h1, h2, h3, h4, p, span, label, div, li, td, th, a, button')) {
    if (el.closest(skipped) || !shown(el) || !words(el)) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    const heading = /^H[1-4]$/.test(el.tagName);
    if ((clips || heading) && el.scrollWidth > el.clientWidth + 1
        && style.overflowX !== 'auto' && style.overflowX !== 'scroll') {
      problems.push(`cut by its box: ${named(el)} (${el.scrollWidth} px in ${el.clientWidth})`);
    }
    if (el.children.length === 0 && !scrolls(el)
        && el.getBoundingClientRect().right > screenRight + 1) {
      problems.push(`past the screen's edge: ${named(el)}`);
    }
  }
  for (const chart of main.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const svg = chart.querySelector('svg');
    if (!svg || !shown(chart)) continue;
    const place = chart.getBoundingClientRect();
    const drawn = svg.getBoundingClientRect();
    if (drawn.right > place.right + 1 || drawn.right > screenRight + 1) {
      problems.push(`chart wider than its place: ${drawn.width} px in ${place.width}`);
    }
    const tiles = [...svg.querySelectorAll('path[role="graphics-symbol"][aria-label]')]
      .map(p => [p.getAttribute('aria-label'), p.getBoundingClientRect()]);
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (!words(text) || box.width === 0) continue;
      // 3 px: a text's box is its line box, a little wider than its glyphs (a rotated axis
      // title's ascent sticks out by a pixel or two, with nothing drawn there)
      if (box.left < drawn.left - 3 || box.right > drawn.right + 3) {
        problems.push(`past its chart: "${words(text).slice(0, 50)}"`);
        continue;
      }
      const x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
      const home = tiles.find(([, t]) => t.left <= x && x <= t.right && t.top <= y && y <= t.bottom);
      if (home && (box.right > home[1].right + 1 || box.bottom > home[1].bottom + 1)) {
        problems.push(`past its tile: "${words(text)}" in ${home[0]}`);
      }
    }
  }
  const title = main.querySelector('h1');
  for (const img of main.querySelectorAll('[data-testid="stImage"] img')) {
    if (!shown(img)) continue;
    const box = img.getBoundingClientRect();
    if (box.right > screenRight + 1) problems.push(`picture past the screen's edge: ${img.alt.slice(0, 50)}`);
    if (title && box.top < title.getBoundingClientRect().bottom - 1) {
      problems.push(`picture over the title: ${img.alt.slice(0, 50)}`);
    }
  }
  return problems;
}
