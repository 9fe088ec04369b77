// Side panel entrypoint (Chrome side panel, Firefox sidebar): mounts the panel app.
import { render } from 'preact';
import { App } from './App.tsx';
import '../../components/common/theme.css';
import '../../components/common/controls.css';
import './style.css';

render(<App />, document.getElementById('app')!);
