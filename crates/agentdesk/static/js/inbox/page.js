import { strings } from '../lib/strings.js';

// The inbox page's root element and its strings.

export const root = document.getElementById('inbox');
export const t = strings(root);
