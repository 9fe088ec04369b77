// Side panel entrypoint: mounts the panel app.
import { render } from 'preact';

render(<main>Huashu</main>, document.getElementById('app')!);
