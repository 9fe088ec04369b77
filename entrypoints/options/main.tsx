// Options page entrypoint: mounts the pack manager and settings.
import { render } from 'preact';
import { App } from './App.tsx';
import '../../components/common/theme.css';
import '../../components/common/controls.css';
import './style.css';

render(<App />, document.getElementById('app')!);
