// Renders /api/openapi.json as a list of routes grouped by their first path segment after /api.
'use strict';
(async () => {
  const text = (tag, className, content) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  };
  try {
    const response = await fetch('/api/openapi.json');
    const spec = await response.json();
    document.getElementById('title').textContent = spec.info.title;
    document.getElementById('description').textContent = spec.info.description || '';
    document.getElementById('version').textContent = spec.openapi;
    const groups = new Map();
    for (const [path, operations] of Object.entries(spec.paths)) {
      const group = path.split('/')[2] || 'api';
      for (const [method, operation] of Object.entries(operations)) {
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group).push({ path, method: method.toUpperCase(), operation });
      }
    }
    const routes = document.getElementById('routes');
    for (const [group, entries] of [...groups.entries()].sort()) {
      const section = document.createElement('section');
      section.appendChild(text('h2', '', group));
      entries.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
      for (const { path, method, operation } of entries) {
        const row = document.createElement('div');
        row.className = 'route';
        row.dataset.route = `${method} ${path}`;
        row.appendChild(text('span', `method ${method}`, method));
        row.appendChild(text('span', 'path', path));
        if (operation.security && operation.security.length) row.appendChild(text('span', 'lock', 'token'));
        row.appendChild(text('span', 'summary', operation.summary || operation.operationId || ''));
        section.appendChild(row);
      }
      routes.appendChild(section);
    }
  } catch (error) {
    document.getElementById('error').textContent = `The API description could not be loaded: ${error}`;
  }
})();
