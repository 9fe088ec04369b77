// Type shims for the demo's untyped editor packages (React, Draft.js, jQuery + Summernote ship no TypeScript types here).
declare module 'react';
declare module 'react-dom';
declare module 'react-dom/client';
declare module 'draft-js';
declare module 'jquery';
declare module 'summernote/dist/summernote-lite.js';
