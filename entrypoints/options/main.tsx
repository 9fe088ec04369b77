// Options page entrypoint: mounts the pack manager and settings.
import { render } from 'preact';

render(<main>Huashu options</main>, document.getElementById('app')!);
