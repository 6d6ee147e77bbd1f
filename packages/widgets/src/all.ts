/** Defines every Civic Widgets element. */
import './define/civic-version.js';
