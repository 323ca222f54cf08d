// A small Adaptive Card renderer for the elements ChatOps emits (TextBlock, FactSet, Container, ColumnSet,
// Input.Text/Number/ChoiceSet/Date, ActionSet, Action.Execute/Submit/OpenUrl). No dependencies.
// renderCard(card, onAction) returns an element; onAction({ verb, data, inputs }) is called on a button press.
(function (global) {
  'use strict';

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // The markdown subset Adaptive Cards allow: **bold**, _italic_, `code`, [links](https://...), line breaks.
  function markdown(text) {
    const escaped = String(text ?? '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return escaped
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\n/g, '<br>');
  }

  function spacing(node, item) {
    if (item.separator) node.classList.add('ac-separator');
    if (item.spacing) node.classList.add('ac-spacing-' + String(item.spacing).toLowerCase());
    if (item.id) node.dataset.acId = item.id;
    return node;
  }

  function textBlock(item) {
    const node = el(item.style === 'heading' ? 'h3' : 'div', 'ac-text');
    node.innerHTML = markdown(item.text);
    if (item.size) node.classList.add('ac-size-' + item.size.toLowerCase());
    if (item.weight) node.classList.add('ac-weight-' + item.weight.toLowerCase());
    if (item.color) node.classList.add('ac-color-' + item.color.toLowerCase());
    if (item.isSubtle) node.classList.add('ac-subtle');
    return node;
  }

  function factSet(item) {
    const list = el('dl', 'ac-facts');
    for (const fact of item.facts || []) {
      const row = el('div', 'ac-fact');
      const title = el('dt');
      title.innerHTML = markdown(fact.title);
      const value = el('dd');
      value.innerHTML = markdown(fact.value);
      row.append(title, value);
      list.append(row);
    }
    return list;
  }

  function container(item, ctx) {
    const node = el('div', 'ac-container');
    if (item.style) node.classList.add('ac-style-' + item.style.toLowerCase());
    if (item.bleed) node.classList.add('ac-bleed');
    for (const child of item.items || []) append(node, child, ctx);
    return node;
  }

  function columnSet(item, ctx) {
    const row = el('div', 'ac-columns');
    for (const column of item.columns || []) {
      const col = el('div', 'ac-column');
      if (column.width === 'auto') col.classList.add('ac-auto');
      else if (typeof column.width === 'number') col.style.flex = String(column.width);
      for (const child of column.items || []) append(col, child, ctx);
      row.append(col);
    }
    return row;
  }

  function input(item, ctx) {
    const wrap = el('label', 'ac-input');
    if (item.label) wrap.append(el('span', 'ac-label', item.label));
    let control;
    if (item.type === 'Input.ChoiceSet') {
      control = el('select');
      control.append(new Option(item.placeholder || 'Choose one', ''));
      for (const choice of item.choices || []) control.append(new Option(choice.title, choice.value));
    } else if (item.type === 'Input.Text' && item.isMultiline) {
      control = el('textarea');
      control.rows = 2;
    } else {
      control = el('input');
      control.type = item.type === 'Input.Date' ? 'date' : item.type === 'Input.Number' ? 'number' : 'text';
      if (item.min !== undefined) control.min = item.min;
      if (item.max !== undefined) control.max = item.max;
    }
    if (item.placeholder && control.tagName !== 'SELECT') control.placeholder = item.placeholder;
    if (item.value !== undefined && item.value !== null) control.value = item.value;
    control.name = item.id;
    control.dataset.acInput = item.id;
    wrap.append(control);
    ctx.inputs.push(control);
    return wrap;
  }

  function button(action, ctx) {
    if (action.type === 'Action.OpenUrl') {
      const link = el('a', 'ac-button', action.title);
      link.href = action.url;
      link.target = '_blank';
      link.rel = 'noopener';
      return link;
    }
    const node = el('button', 'ac-button', action.title);
    node.type = 'button';
    if (action.style === 'positive') node.classList.add('ac-positive');
    if (action.style === 'destructive') node.classList.add('ac-destructive');
    if (action.id) node.dataset.acAction = action.id;
    node.dataset.verb = action.verb || (action.data && action.data.verb) || '';
    node.addEventListener('click', () => {
      const inputs = {};
      for (const control of ctx.inputs) if (control.value !== '') inputs[control.dataset.acInput] = control.value;
      const data = Object.assign({}, action.data || {});
      ctx.onAction({ verb: action.verb || data.verb, data, inputs, button: node });
    });
    return node;
  }

  function actionSet(actions, ctx) {
    const bar = el('div', 'ac-actions');
    for (const action of actions || []) bar.append(button(action, ctx));
    return bar;
  }

  const renderers = {
    'TextBlock': textBlock,
    'FactSet': factSet,
    'Container': container,
    'ColumnSet': columnSet,
    'Input.Text': input,
    'Input.Number': input,
    'Input.ChoiceSet': input,
    'Input.Date': input,
    'ActionSet': (item, ctx) => actionSet(item.actions, ctx),
  };

  function append(parent, item, ctx) {
    const render = renderers[item.type];
    if (!render) {
      if (item.fallback && typeof item.fallback === 'object') append(parent, item.fallback, ctx);
      return;
    }
    parent.append(spacing(render(item, ctx), item));
  }

  function renderCard(card, onAction) {
    const ctx = { inputs: [], onAction: onAction || (() => {}) };
    const root = el('div', 'ac-card');
    for (const item of card.body || []) append(root, item, ctx);
    if (card.actions && card.actions.length) root.append(actionSet(card.actions, ctx));
    return root;
  }

  global.AdaptiveCardLite = { renderCard, markdown };
})(window);
