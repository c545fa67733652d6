// Step-through widget: reads the trace from the JSON block inside its own root element and
// builds the grids, the arithmetic and the controls. No libraries, no network.
(function () {
  var ID = '__ID__';
  var me = document.currentScript;

  function fmt(v, decimals) {
    if (v === null || v === undefined) { return ''; }
    var text = String(Number(v.toFixed(decimals)));
    if (text === '-0') { text = '0'; }
    return text.replace('-', '\u2212');
  }

  function term(v) {
    var text = fmt(v, 3);
    return v < 0 && text !== '0' ? '(' + text + ')' : text;
  }

  // the same shades as the static picture (TracePicture.tint), written in by StepThrough
  var TINTS = __TINTS__;

  function tint(v, scale) {
    if (v === null || !scale) { return '#fff'; }
    var k = Math.round(Math.min(1, Math.abs(v) / scale) * (TINTS.pos.length - 1));
    return v >= 0 ? TINTS.pos[k] : TINTS.neg[k];
  }

  function maxAbs(grid) {
    var m = 0;
    for (var r = 0; r < grid.length; r++) {
      for (var c = 0; c < grid[r].length; c++) {
        if (grid[r][c] !== null) { m = Math.max(m, Math.abs(grid[r][c])); }
      }
    }
    return m;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function table(rows, cols, cls) {
    var t = el('table', 'vb-grid ' + cls);
    var cells = [];
    for (var r = 0; r < rows; r++) {
      var tr = el('tr');
      cells.push([]);
      for (var c = 0; c < cols; c++) {
        var td = el('td');
        tr.appendChild(td);
        cells[r].push(td);
      }
      t.appendChild(tr);
    }
    return { node: t, cells: cells };
  }

  function panel(parent, caption, grid) {
    var p = el('div', 'vb-panel');
    p.appendChild(el('div', 'vb-cap', caption));
    p.appendChild(grid.node);
    parent.appendChild(p);
    return p;
  }

  function start(root) {
    if (root.getAttribute('data-live') === '1') { return; }
    root.setAttribute('data-live', '1');
    var d = JSON.parse(root.querySelector('.vb-data').textContent);
    var conv = d.kind === 'convolution';
    var maxPool = d.kind === 'max pooling';
    var inH = d.input.length, inW = d.input[0].length;
    var outH = d.output.length, outW = d.output[0].length;
    var rows = inH + d.padTop + d.padBottom, cols = inW + d.padLeft + d.padRight;
    var inScale = maxAbs(d.input), outScale = maxAbs(d.output), kScale = conv ? maxAbs(d.kernel) : 0;

    var fallback = root.querySelector('.vb-fallback');
    if (fallback) { fallback.style.display = 'none'; }
    var live = root.querySelector('.vb-live');
    live.style.display = '';

    live.appendChild(el('div', 'vb-head', d.title));
    for (var f = 0; f < d.formula.length; f++) {
      live.appendChild(el('div', 'vb-formula', d.formula[f].replace(/\*/g, '\u00b7').replace(/-/g, '\u2212')));
    }
    var panels = el('div', 'vb-panels');
    live.appendChild(panels);

    var input = table(rows, cols, 'vb-in');
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var ir = r - d.padTop, ic = c - d.padLeft, td = input.cells[r][c];
        if (ir < 0 || ir >= inH || ic < 0 || ic >= inW) {
          td.className = 'vb-pad';
          td.textContent = maxPool ? '' : '0';
          td.title = 'padding';
        } else {
          td.style.background = tint(d.input[ir][ic], inScale);
          td.textContent = fmt(d.input[ir][ic], 2);
          td.title = 'input (' + ir + ', ' + ic + ') = ' + d.input[ir][ic];
        }
      }
    }
    panel(panels, d.padTop + d.padBottom + d.padLeft + d.padRight > 0 ? 'input (grey: padding)' : 'input', input);

    var middle = table(d.kH, d.kW, 'vb-k');
    var middlePanel = panel(panels, conv ? 'kernel' : 'window', middle);
    if (conv) {
      for (var ky = 0; ky < d.kH; ky++) {
        for (var kx = 0; kx < d.kW; kx++) {
          middle.cells[ky][kx].style.background = tint(d.kernel[ky][kx], kScale);
          middle.cells[ky][kx].textContent = fmt(d.kernel[ky][kx], 2);
        }
      }
      if (d.bias !== 0) { middlePanel.appendChild(el('div', 'vb-cap', 'bias ' + fmt(d.bias, 3))); }
    }
    var products = null;
    if (conv) {
      products = table(d.kH, d.kW, 'vb-p');
      panel(panels, 'input \u00d7 kernel', products);
    }
    var output = table(outH, outW, 'vb-out');
    panel(panels, 'output', output);

    var math = el('div', 'vb-math');
    live.appendChild(math);
    var controls = el('div', 'vb-controls');
    var prev = el('button', 'vb-prev', '\u25c0 step');
    var play = el('button', 'vb-play', '\u25b6 play');
    var next = el('button', 'vb-next', 'step \u25b6');
    var slider = el('input', 'vb-slider');
    slider.type = 'range';
    slider.min = 0;
    slider.max = d.steps.length - 1;
    slider.value = 0;
    var label = el('span', 'vb-label');
    controls.appendChild(prev);
    controls.appendChild(play);
    controls.appendChild(next);
    controls.appendChild(slider);
    controls.appendChild(label);
    live.appendChild(controls);
    live.appendChild(el('div', 'vb-note', 'Hover over an output cell to outline the input cells it reads (its receptive field).'));

    var marked = [];
    function mark(td, cls) { td.classList.add(cls); marked.push([td, cls]); }
    function unmarkAll() {
      for (var i = 0; i < marked.length; i++) { marked[i][0].classList.remove(marked[i][1]); }
      marked = [];
    }

    function arithmetic(s) {
      var terms = [], k;
      if (conv) {
        for (k = 0; k < s.cells.length; k++) {
          var cell = s.cells[k];
          var value = isPad(cell) ? 0 : d.input[cell[0]][cell[1]];
          terms.push(term(value) + '\u00d7' + term(d.kernel[Math.floor(k / d.kW)][k % d.kW]));
        }
        var text = terms.join(' + ') + ' = ' + fmt(s.sum, 3);
        return d.bias === 0 ? text : text + ';  + bias ' + term(d.bias) + ' = ' + fmt(s.out, 3);
      }
      var withPadding = !maxPool && s.divisor === s.cells.length;
      for (k = 0; k < s.cells.length; k++) {
        if (withPadding || !isPad(s.cells[k])) { terms.push(term(s.products[k] === null ? 0 : s.products[k])); }
      }
      if (maxPool) { return 'max(' + terms.join(', ') + ') = ' + fmt(s.out, 3); }
      return '(' + terms.join(' + ') + ') / ' + fmt(s.divisor, 3) + ' = ' + fmt(s.out, 3);
    }

    function isPad(cell) { return cell[0] < 0 || cell[0] >= inH || cell[1] < 0 || cell[1] >= inW; }

    function inputCell(cell) { return input.cells[cell[0] + d.padTop][cell[1] + d.padLeft]; }

    // Shows the window of step s in the input, the kernel/window and products panels.
    function showWindow(s, windowClass) {
      for (var k = 0; k < s.cells.length; k++) {
        var ky = Math.floor(k / d.kW), kx = k % d.kW;
        mark(inputCell(s.cells[k]), k === s.chosen ? 'vb-best' : windowClass);
        if (conv) {
          var p = products.cells[ky][kx];
          p.textContent = fmt(s.products[k], 2);
          p.style.background = tint(s.products[k], inScale * kScale);
          p.className = isPad(s.cells[k]) ? 'vb-pad' : '';
        } else {
          var w = middle.cells[ky][kx];
          if (isPad(s.cells[k])) {
            w.className = 'vb-pad';
            w.textContent = maxPool ? '' : '0';
            w.style.background = '';
          } else {
            w.className = '';
            w.textContent = fmt(s.products[k], 2);
            w.style.background = tint(s.products[k], inScale);
          }
          if (k === s.chosen) { mark(w, 'vb-best'); }
        }
      }
    }

    var current = 0, timer = null;

    function show(i) {
      current = Math.max(0, Math.min(d.steps.length - 1, i));
      unmarkAll();
      var s = d.steps[current];
      showWindow(s, 'vb-win');
      for (var r = 0; r < outH; r++) {
        for (var c = 0; c < outW; c++) {
          var td = output.cells[r][c];
          var done = r * outW + c <= current;
          td.className = done ? '' : 'vb-empty';
          td.textContent = fmt(d.output[r][c], 2);
          td.style.background = done ? tint(d.output[r][c], outScale) : '#fff';
        }
      }
      mark(output.cells[s.r][s.c], 'vb-cur');
      math.textContent = 'output (' + s.r + ', ' + s.c + '): ' + arithmetic(s);
      slider.value = current;
      label.textContent = 'step ' + (current + 1) + ' / ' + d.steps.length;
    }

    function stop() {
      if (timer !== null) { clearInterval(timer); timer = null; }
      play.textContent = '\u25b6 play';
    }

    play.addEventListener('click', function () {
      if (timer !== null) { stop(); return; }
      if (current === d.steps.length - 1) { show(0); }
      play.textContent = '\u275a\u275a pause';
      timer = setInterval(function () {
        if (current >= d.steps.length - 1) { stop(); return; }
        show(current + 1);
      }, d.millis);
    });
    prev.addEventListener('click', function () { stop(); show(current - 1); });
    next.addEventListener('click', function () { stop(); show(current + 1); });
    slider.addEventListener('input', function () { stop(); show(parseInt(slider.value, 10)); });

    // Hover: the receptive field of an output cell, and its arithmetic; leaving restores the current step.
    for (var orow = 0; orow < outH; orow++) {
      for (var ocol = 0; ocol < outW; ocol++) {
        (function (r, c) {
          var td = output.cells[r][c];
          td.addEventListener('mouseenter', function () {
            unmarkAll();
            var s = d.steps[r * outW + c];
            showWindow(s, 'vb-rf');
            mark(td, 'vb-hov');
            td.classList.remove('vb-empty'); // show the value even before the sweep gets there
            td.style.background = tint(d.output[r][c], outScale);
            math.textContent = 'output (' + r + ', ' + c + ') reads the outlined cells: ' + arithmetic(s);
          });
          td.addEventListener('mouseleave', function () { show(current); });
        })(orow, ocol);
      }
    }
    show(0);
  }

  function find(tries) {
    var root = me && me.closest ? me.closest('.vb-steps') : null;
    if (!root || root.id !== ID) { root = document.getElementById(ID); }
    if (root) { start(root); } else if (tries > 0) { setTimeout(function () { find(tries - 1); }, 100); }
  }
  find(50);
})();
