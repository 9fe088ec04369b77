// Options page entrypoint: mounts the pack manager and settings.
import { render } from 'preact';
import { App } from './App.tsx';
import './style.css';

render(<App />, document.getElementById('app')!);
