// The arithmetic of one box of the diagram, for unit j at step t, with the trace's numbers
// substituted: forward, the weighted sum with its largest terms named and then the activation;
// backward, the chain rule with its factors.
//
// Each step of the arithmetic is a block <div class="calc" data-op="sum|product|sigmoid|tanh|
// quotient|neglog">: rows with data-role="term" and data-exact (the operands at full
// precision), and a row with data-role="total" whose number is the trace's own value where the
// trace has one (data-key, data-t, data-index). The tests check that the operands give the
// total. The page computes only the terms (products of the trace's numbers) and their sums.

var TOP_TERMS = 6;

// One block. rows: [{ label, exact, key?, t?, index?, detail?: Node, note? }]; result likewise.
function calc(parent, op, title, rows, result) {
  var box = make("div", "calc");
  box.setAttribute("data-op", op);
  box.appendChild(make("p", "calc-title", title));
  var table = make("table", "calc-rows");
  rows.concat([result]).forEach(function (r, n) {
    var total = n === rows.length;
    var tr = table.insertRow();
    tr.setAttribute("data-role", total ? "total" : "term");
    tr.setAttribute("data-exact", String(r.exact));
    if (total) tr.className = "total";
    var th = make("th", null, (total ? "= " : "") + r.label);
    th.setAttribute("scope", "row");
    tr.appendChild(th);
    var detail = tr.insertCell();
    detail.className = "detail";
    if (r.note) detail.appendChild(make("span", "note", r.note));
    if (r.detail) detail.appendChild(r.detail);
    var value = tr.insertCell();
    value.className = "value";
    value.appendChild(numberSpan(r.exact, r.key, r.t, r.index));
  });
  box.appendChild(table);
  parent.appendChild(box);
  return box;
}

// "a × b" with each factor a number of the trace.
function productDetail(factors) {
  var span = make("span", "factors");
  factors.forEach(function (f, n) {
    if (n) span.appendChild(document.createTextNode(" × "));
    span.appendChild(numberSpan(f.value, f.key, f.t, f.index));
  });
  return span;
}

// A row for one number of the trace.
function traceRow(key, t, index, label) {
  return { label: label || symAt(key, t, index), exact: at(key, t, index), key: key, t: t, index: index };
}

// Σ of products + extra rows = result: the TOP_TERMS largest |products| listed (all of them
// when there are few), the others summed in one row.
// terms: [{ exact, label, note, factors }]
function sumOfProducts(parent, title, terms, extra, result) {
  var order = terms.map(function (_, n) { return n; });
  order.sort(function (a, b) { return Math.abs(terms[b].exact) - Math.abs(terms[a].exact) || a - b; });
  var shown = terms.length <= TOP_TERMS + 2 ? order : order.slice(0, TOP_TERMS);
  var hidden = terms.length - shown.length;
  var rows = shown.map(function (n) {
    var term = terms[n];
    return { label: term.label, exact: term.exact, note: term.note, detail: productDetail(term.factors) };
  });
  if (hidden > 0) {
    var rest = 0;
    var listed = {};
    shown.forEach(function (n) { listed[n] = true; });
    terms.forEach(function (term, n) { if (!listed[n]) rest += term.exact; });
    rows.push({ label: "the other " + hidden + " terms", exact: rest, note: "each smaller than those above" });
  }
  calc(parent, "sum", title, rows.concat(extra), result);
}

// The terms W[j,k] · z_t[k] of a gate's pre-activation.
function gateTerms(w, t, j) {
  var W = param(w), z = vec("z", t);
  return z.map(function (zk, k) {
    var entry = concatEntry(k);
    return {
      exact: W[j][k] * zk, label: w + "[" + j + "," + k + "] · z_t[" + k + "]", note: "← " + entry.text,
      factors: [{ value: W[j][k], key: w, t: t, index: j + "," + k }, { value: zk, key: "z", t: t, index: k }]
    };
  });
}

// The terms W_g[m, c] · da_g[m] of dz_t[c], over the four gates g and the units m.
function concatGradientTerms(c, t) {
  var terms = [];
  Object.keys(GATE_WEIGHTS).forEach(function (gate) {
    var w = GATE_WEIGHTS[gate][0], da = "d" + GATE_WEIGHTS[gate][2], W = param(w), d = vec(da, t);
    for (var m = 0; m < H; m++) {
      terms.push({
        exact: W[m][c] * d[m], label: w + "[" + m + "," + c + "] · " + sym(da) + "[" + m + "]",
        factors: [{ value: W[m][c], key: w, t: t, index: m + "," + c }, { value: d[m], key: da, t: t, index: m }]
      });
    }
  });
  return terms;
}

function activation(parent, fn, pre, out, t, j) {
  var a = sym(pre) + "[" + j + "]";
  var title = symAt(out, t, j) + " = " + (fn === "sigmoid" ? "σ(" + a + ") = 1 / (1 + e^(−" + a + "))" : "tanh(" + a + ")");
  calc(parent, fn, title, [traceRow(pre, t, j)], traceRow(out, t, j));
}

function product(parent, title, factors, result) {
  calc(parent, "product", title, factors, result);
}

// A computed factor (not a number of the trace): 1 − o, 1 − tanh²(C).
function computedRow(label, value) { return { label: label, exact: value }; }

function paragraph(parent, text) { parent.appendChild(make("p", "formula-text", text)); }

// ---- forward ---------------------------------------------------------------------------

function gateForward(gate) {
  return function (body, t, j) {
    var w = GATE_WEIGHTS[gate];
    sumOfProducts(body, sym(w[2]) + "[" + j + "] = Σ_k " + w[0] + "[" + j + ",k] · z_t[k] + " + w[1] + "[" + j + "]",
      gateTerms(w[0], t, j), [{ label: "+ " + w[1] + "[" + j + "]", exact: param(w[1])[j][0], key: w[1], t: t, index: j + ",0" }],
      traceRow(w[2], t, j));
    activation(body, gate === "C_tilde" ? "tanh" : "sigmoid", w[2], gate, t, j);
  };
}

function previousState(key, stateKey) {
  return function (body, t, j) {
    var row = t > 1 ? traceRow(stateKey, t - 1, j, symAt(stateKey, t - 1, j) + " of step " + (t - 1))
      : { label: sym(stateKey).replace("_t", "_0") + "[" + j + "], the initial state", exact: 0 };
    calc(body, "sum", symAt(key, t, j) + " is what step t − 1 left: the recurrence", [row], traceRow(key, t, j));
  };
}

function cellForward(body, t, j) {
  var fc = at("f", t, j) * at("C_prev", t, j), ic = at("i", t, j) * at("C_tilde", t, j);
  product(body, "f_t[" + j + "] · C_{t−1}[" + j + "]: how much of the old cell state is kept",
    [traceRow("f", t, j), traceRow("C_prev", t, j)], computedRow("f ⊙ C_{t−1}", fc));
  product(body, "i_t[" + j + "] · C̃_t[" + j + "]: how much of the candidate is written",
    [traceRow("i", t, j), traceRow("C_tilde", t, j)], computedRow("i ⊙ C̃", ic));
  calc(body, "sum", symAt("C", t, j) + " = f ⊙ C_{t−1} + i ⊙ C̃", [computedRow("f ⊙ C_{t−1}", fc), computedRow("i ⊙ C̃", ic)],
    traceRow("C", t, j));
}

function hiddenForward(body, t, j) {
  product(body, symAt("h", t, j) + " = o_t[" + j + "] · tanh(C_t)[" + j + "]", [traceRow("o", t, j), traceRow("tanh_C", t, j)],
    traceRow("h", t, j));
}

function headForward(body, t) {
  var W = param("W_" + headKey), b = param("b_" + headKey), h = vec("h", t);
  var k = cfg.head === "softmax" ? targetClass(t) : slotIndex("rank0", "y", t, 0);
  var terms = h.map(function (hj, j) {
    return {
      exact: W[k][j] * hj, label: "W_" + headKey + "[" + k + "," + j + "] · h_t[" + j + "]",
      factors: [{ value: W[k][j], key: "W_" + headKey, t: t, index: k + "," + j }, { value: hj, key: "h", t: t, index: j }]
    };
  });
  var which = cfg.head === "softmax" ? "the target class k = " + k + " " + className(k) : "output k = " + k;
  paragraph(body, "For " + which + ":");
  sumOfProducts(body, sym(headKey) + "[" + k + "] = Σ_j W_" + headKey + "[" + k + ",j] · h_t[j] + b_" + headKey + "[" + k + "]",
    terms, [{ label: "+ b_" + headKey + "[" + k + "]", exact: b[k][0], key: "b_" + headKey, t: t, index: k + ",0" }],
    traceRow(headKey, t, k));
  if (cfg.head !== "softmax") return;
  var v = vec("v", t), top = Math.max.apply(null, v);
  var sum = v.reduce(function (s, x) { return s + Math.exp(x - top); }, 0);
  calc(body, "quotient", "y_t[" + k + "] = e^(v[" + k + "] − max v) / Σ_m e^(v[m] − max v)",
    [computedRow("e^(v[" + k + "] − max v)", Math.exp(v[k] - top)), computedRow("Σ_m e^(v[m] − max v)", sum)], traceRow("y", t, k));
  if (at("loss", t, 0) !== null) {
    calc(body, "neglog", "L_t = −log y_t[target]: this step's loss", [traceRow("y", t, k)], traceRow("loss", t, 0, "L_t"));
  }
}

function inputForward(body, t) {
  var x = vec("x", t);
  if (vocabulary) {
    var k = inputClass(t);
    var p = make("p", "formula-text", "x_t is the one-hot vector of " + className(k) + ", class " + k + " of " + X + ": x_t[" + k + "] = ");
    p.appendChild(numberSpan(x[k], "x", t, k));
    p.appendChild(document.createTextNode(", every other entry 0. In z_t it picks column " + (xOffset + k) + " of each gate's W."));
    body.appendChild(p);
    return;
  }
  entryList(body, "x", t, "x_t, the input at step t");
}

// The entries of a vector, the 12 largest in magnitude when it is long.
function entryList(body, key, t, what) {
  var v = vec(key, t), order = v.map(function (_, k) { return k; });
  order.sort(function (a, b) { return Math.abs(v[b]) - Math.abs(v[a]) || a - b; });
  var shown = order.slice(0, 12);
  paragraph(body, what + (v.length > shown.length ? " (" + v.length + " entries; the " + shown.length + " largest in magnitude):" : ":"));
  var list = make("ul", "entries");
  shown.forEach(function (k) {
    var li = make("li", null, symAt(key, t, k) + " = ");
    li.appendChild(numberSpan(v[k], key, t, k));
    if (key === "z" || key === "dz") li.appendChild(make("span", "note", " ← " + concatEntry(k).text));
    list.appendChild(li);
  });
  body.appendChild(list);
}

function concatForward(body, t) {
  paragraph(body, symbols.forward[0].text + ": entries " + hOffset + "…" + (hOffset + H - 1) + " are h_{t−1}, entries " +
    xOffset + "…" + (xOffset + X - 1) + " are x_t (Z = " + Z + ").");
  entryList(body, "z", t, "z_t");
}

var FORWARD_FORMULAS = {
  f: gateForward("f"), i: gateForward("i"), C_tilde: gateForward("C_tilde"), o: gateForward("o"),
  C_prev: previousState("C_prev", "C"), h_prev: previousState("h_prev", "h"),
  x: inputForward, z: concatForward, C: cellForward, h: hiddenForward, head: headForward,
  mulF: function (body, t, j) {
    product(body, "f_t[" + j + "] · C_{t−1}[" + j + "]", [traceRow("f", t, j), traceRow("C_prev", t, j)],
      computedRow("f ⊙ C_{t−1}", at("f", t, j) * at("C_prev", t, j)));
  },
  mulI: function (body, t, j) {
    product(body, "i_t[" + j + "] · C̃_t[" + j + "]", [traceRow("i", t, j), traceRow("C_tilde", t, j)],
      computedRow("i ⊙ C̃", at("i", t, j) * at("C_tilde", t, j)));
  },
  add: cellForward,
  tanh_C: function (body, t, j) { calc(body, "tanh", symAt("tanh_C", t, j) + " = tanh(C_t[" + j + "])", [traceRow("C", t, j)], traceRow("tanh_C", t, j)); },
  mulO: hiddenForward
};

// ---- backward --------------------------------------------------------------------------

function gateBackward(gate, outGrad, factorKey, preGrad) {
  return function (body, t, j) {
    var f = at(gate, t, j);
    product(body, symAt(outGrad, t, j) + " = dC_t[" + j + "] · " + sym(factorKey) + "[" + j + "]",
      [traceRow("dC", t, j), traceRow(factorKey, t, j)], traceRow(outGrad, t, j));
    if (gate === "C_tilde") {
      product(body, sym(preGrad) + "[" + j + "] = (1 − C̃_t[" + j + "]²) · " + sym(outGrad) + "[" + j + "]: tanh's slope",
        [computedRow("1 − C̃²", 1 - f * f), traceRow(outGrad, t, j)], traceRow(preGrad, t, j));
    } else {
      product(body, sym(preGrad) + "[" + j + "] = " + sym(gate) + "(1 − " + sym(gate) + ") · " + sym(outGrad) + ": σ's slope",
        [traceRow(gate, t, j), computedRow("1 − " + sym(gate) + "[" + j + "]", 1 - f), traceRow(outGrad, t, j)], traceRow(preGrad, t, j));
    }
  };
}

function outputGateBackward(body, t, j) {
  product(body, symAt("do", t, j) + " = dh_t[" + j + "] · tanh(C_t)[" + j + "]", [traceRow("dh", t, j), traceRow("tanh_C", t, j)],
    traceRow("do", t, j));
  var o = at("o", t, j);
  product(body, "da_o[" + j + "] = o(1 − o) · do: σ's slope", [traceRow("o", t, j), computedRow("1 − o_t[" + j + "]", 1 - o), traceRow("do", t, j)],
    traceRow("da_o", t, j));
}

function cellBackward(body, t, j) {
  var th = at("tanh_C", t, j), local = at("dh", t, j) * at("o", t, j) * (1 - th * th);
  product(body, "through h_t: dh_t[" + j + "] · o_t[" + j + "] · (1 − tanh²(C_t[" + j + "]))",
    [traceRow("dh", t, j), traceRow("o", t, j), computedRow("1 − tanh²(C_t)", 1 - th * th)], computedRow("through h_t", local));
  calc(body, "sum", symAt("dC", t, j) + " = dC_next + (through h_t): both uses of C_t", [traceRow("dC_next", t, j), computedRow("through h_t", local)],
    traceRow("dC", t, j));
}

function hiddenBackward(body, t, j) {
  var W = param("W_" + headKey), d = vec(headGradient, t);
  var terms = d.map(function (dk, k) {
    return {
      exact: W[k][j] * dk, label: "W_" + headKey + "[" + k + "," + j + "] · " + sym(headGradient) + "[" + k + "]",
      note: cfg.head === "softmax" ? className(k) : null,
      factors: [{ value: W[k][j], key: "W_" + headKey, t: t, index: k + "," + j }, { value: dk, key: headGradient, t: t, index: k }]
    };
  });
  sumOfProducts(body, symAt("dh", t, j) + " = Σ_k W_" + headKey + "[k," + j + "] · " + sym(headGradient) + "[k] + dh_next[" + j + "]",
    terms, [traceRow("dh_next", t, j, "+ dh_next[" + j + "] (from step t + 1)")], traceRow("dh", t, j));
}

function previousHiddenBackward(body, t, j) {
  sumOfProducts(body, symAt("dh_prev", t, j) + " = dz_t[" + (hOffset + j) + "] = Σ_g Σ_m W_g[m," + (hOffset + j) + "] · da_g[m]",
    concatGradientTerms(hOffset + j, t), [], traceRow("dh_prev", t, j));
  paragraph(body, "Step t − 1 adds this to its own dh as dh_next.");
}

function previousCellBackward(body, t, j) {
  product(body, symAt("dC_prev", t, j) + " = f_t[" + j + "] · dC_t[" + j + "]: handed to step t − 1, where it is dC_next",
    [traceRow("f", t, j), traceRow("dC", t, j)], traceRow("dC_prev", t, j));
}

function inputBackward(body, t) {
  var k = slotIndex("rank0", "dx", t, 0);
  sumOfProducts(body, "dx_t[" + k + "] = dz_t[" + (xOffset + k) + "] = Σ_g Σ_m W_g[m," + (xOffset + k) + "] · da_g[m]",
    concatGradientTerms(xOffset + k, t), [], traceRow("dx", t, k));
}

function tanhBackward(body, t, j) {
  product(body, "d tanh(C_t)[" + j + "] = dh_t[" + j + "] · o_t[" + j + "]", [traceRow("dh", t, j), traceRow("o", t, j)],
    traceRow("dtanh_C", t, j));
}

function headBackward(body, t) {
  if (cfg.head === "softmax") {
    var k = targetClass(t);
    calc(body, "sum", symAt("dv", t, k) + " = y_t[" + k + "] − 1: the target " + className(k) + " (every other class: dv = y)",
      [traceRow("y", t, k), computedRow("− onehot(target)[" + k + "]", -1)], traceRow("dv", t, k));
    return;
  }
  var r = slotIndex("rank0", "dy", t, 0), y = at("y", t, r);
  if (cfg.loss === "mse-last") {
    if (t !== T) { paragraph(body, "dy_t = 0: the loss (mse-last) compares only the last step's output."); return; }
    product(body, symAt("dy", t, r) + " = (2/K) · (y_T[" + r + "] − Y[" + r + "])",
      [computedRow("2/K", 2 / K), computedRow("y − Y", y - trace.target[r])], traceRow("dy", t, r));
  } else {
    product(body, symAt("dy", t, r) + " = (2/(T·K)) · (y_t[" + r + "] − Y_t[" + r + "])",
      [computedRow("2/(T·K)", 2 / (T * K)), computedRow("y − Y", y - trace.target[t - 1][r])], traceRow("dy", t, r));
  }
}

var BACKWARD_FORMULAS = {
  f: gateBackward("f", "df", "C_prev", "da_f"), i: gateBackward("i", "di", "C_tilde", "da_i"),
  C_tilde: gateBackward("C_tilde", "dC_tilde", "i", "da_C"), o: outputGateBackward,
  C_prev: previousCellBackward, h_prev: previousHiddenBackward, x: inputBackward,
  z: function (body, t) { paragraph(body, "dz_t = W_fᵀ da_f + W_iᵀ da_i + W_Cᵀ da_C + W_oᵀ da_o; its h part is dh_{t−1}, its x part dx_t."); entryList(body, "dz", t, "dz_t"); },
  C: cellBackward, h: hiddenBackward, head: headBackward,
  tanh_C: tanhBackward,
  mulF: function (body, t, j) { previousCellBackward(body, t, j); gateBackward("f", "df", "C_prev", "da_f")(body, t, j); },
  mulI: function (body, t, j) {
    product(body, symAt("di", t, j) + " = dC_t[" + j + "] · C̃_t[" + j + "]", [traceRow("dC", t, j), traceRow("C_tilde", t, j)], traceRow("di", t, j));
    product(body, symAt("dC_tilde", t, j) + " = dC_t[" + j + "] · i_t[" + j + "]", [traceRow("dC", t, j), traceRow("i", t, j)], traceRow("dC_tilde", t, j));
  },
  add: function (body, t, j) {
    paragraph(body, "A sum hands its gradient unchanged to both inputs: d(f ⊙ C_{t−1}) = d(i ⊙ C̃) = dC_t.");
    cellBackward(body, t, j);
  },
  mulO: function (body, t, j) { outputGateBackward(body, t, j); tanhBackward(body, t, j); }
};

var NODE_NAMES = {
  prevStep: "the step before", nextStep: "the step after", C_prev: "cell state C_{t−1}", h_prev: "hidden state h_{t−1}",
  x: "input x_t", z: "concatenation z_t", f: "forget gate f_t", i: "input gate i_t", C_tilde: "candidate C̃_t",
  o: "output gate o_t", mulF: "f_t ⊙ C_{t−1}", mulI: "i_t ⊙ C̃_t", add: "the sum that makes C_t", tanh_C: "tanh(C_t)",
  mulO: "o_t ⊙ tanh(C_t)", C: "cell state C_t", h: "hidden state h_t", head: cfg.head + " head"
};

function drawFormula() {
  var body = clear(document.getElementById("formulaBody"));
  var heading = clear(document.getElementById("formulaHeading"));
  var node = state.node;
  rich(heading, "The arithmetic of " + (NODE_NAMES[node] || node) + ", unit j = " + state.j + ", step t = " + state.t +
    (state.pass === "backward" ? ", backward" : ""));
  var table = state.pass === "forward" ? FORWARD_FORMULAS : BACKWARD_FORMULAS;
  if (!has(table, node)) {
    paragraph(body, "Click a box of the diagram (or Tab to it and press Enter) to see its arithmetic here.");
    return;
  }
  table[node](body, state.t, state.j);
}
