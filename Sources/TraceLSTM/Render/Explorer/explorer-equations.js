// Every equation of the pass at this step, each with its numbers for unit j (or its first
// entries, for vectors), from the library's one list of equations.

function drawEquations() {
  var box = clear(document.getElementById("equations"));
  var list = state.pass === "backward" ? symbols.backward : symbols.forward;
  list.forEach(function (eq) {
    var card = make("div", "eq");
    var title = make("p", "eq-title");
    title.appendChild(make("strong", null, "(" + eq.label + ") " + eq.title));
    title.appendChild(document.createTextNode(" "));
    title.appendChild(make("span", "eq-text", eq.text));
    card.appendChild(title);
    var values = make("p", "eq-values");
    eq.columns.forEach(function (key) {
      var v = vec(key, state.t);
      if (!v && key !== "target") return;
      var cell = make("span", "eq-value");
      if (key === "target") {
        if (cfg.loss !== "cross-entropy") return;
        var k = targetClass(state.t);
        rich(cell, "target_" + state.t + " = class " + k + (vocabulary ? " " + className(k) : ""));
      } else if (eq.rows === "hidden") {
        rich(cell, symAt(key, state.t, state.j) + " = ");
        cell.appendChild(numberSpan(v[state.j], key, state.t, state.j));
      } else {
        rich(cell, symAt(key, state.t) + " = [");
        v.slice(0, 4).forEach(function (x, k) {
          if (k) cell.appendChild(document.createTextNode(", "));
          cell.appendChild(numberSpan(x, key, state.t, k));
        });
        cell.appendChild(document.createTextNode(v.length > 4 ? ", … (" + v.length + ")]" : "]"));
      }
      values.appendChild(cell);
    });
    card.appendChild(values);
    box.appendChild(card);
  });
}
