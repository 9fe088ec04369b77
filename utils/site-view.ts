// What the options page shows of a site and what the library works with: shared types, so the components need no library code.

/** A site as the agent turns it on: its host as `location.host` gives it (port included) and its scheme. */
export interface SiteAddressParts {
  host: string;
  scheme: 'http' | 'https';
}

export type SiteState = 'on' | 'off' | 'needs-access';

/** A site the agent has turned on or off (or pointed at its chat area), as the options page lists it. */
export interface SiteRowView {
  /** As stored: `location.host`, with the port when there is one. */
  host: string;
  /** The scheme it was turned on with: turning it on again asks for the same access, without reading storage first. */
  scheme: 'http' | 'https';
  /** Covered by a content script the extension ships (a hosted helpdesk, or localhost). */
  builtIn: boolean;
  state: SiteState;
  /** The agent pointed at this site's message list or composer. */
  picks: boolean;
}
