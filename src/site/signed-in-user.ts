import {
  AUTH_PATHS,
  REQUESTED_WITH_HEADER,
  REQUESTED_WITH_SITE,
  type SessionInfo,
} from '../contract/site-session.ts';

/** The page's own address as a same-site path, to come back to after sign-in. */
function here(location: Location): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/**
 * Writes "Signed in as {{name}}" into `target` as text, with the name in `<strong>`: the
 * placeholder may sit anywhere in a translation, and the name is untrusted (it is the user's own
 * display name), so it never becomes markup.
 */
export function writeSignedInAs(target: HTMLElement, template: string, name: string): void {
  const [before = '', ...rest] = template.split('{{name}}');
  const strong = target.ownerDocument.createElement('strong');
  strong.textContent = name;
  target.replaceChildren(before, strong, rest.join(name));
}

/**
 * Fills the page header's sign-in box from `GET /auth/session`: who is signed in and a sign-out
 * button, or a sign-in link, or nothing (the reference server, or no server answering).
 */
export async function showSignedInUser(
  box: HTMLElement,
  fetchSession: typeof fetch = (input, init) => fetch(input, init),
): Promise<void> {
  let info: SessionInfo;
  try {
    const response = await fetchSession(AUTH_PATHS.session, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return;
    info = (await response.json()) as SessionInfo;
  } catch {
    return;
  }
  const who = box.querySelector<HTMLElement>('[data-who]');
  const signOut = box.querySelector<HTMLButtonElement>('[data-sign-out]');
  const signIn = box.querySelector<HTMLAnchorElement>('[data-sign-in]');
  if (!who || !signOut || !signIn) return;
  if (info.signedIn && info.name) {
    writeSignedInAs(who, box.dataset['signedInAs'] ?? '{{name}}', info.name);
    // The whole name and the sign-in name, where a long name is shortened.
    who.title = info.username ? `${info.name} (${info.username})` : info.name;
    signOut.hidden = false;
    signOut.addEventListener('click', () => void signOutAndReload(signOut, fetchSession));
    box.hidden = false;
  } else if (info.signInUrl === AUTH_PATHS.signIn) {
    // The link takes the page's address when followed, so a changed fragment comes back too.
    const update = () => {
      signIn.href = `${AUTH_PATHS.signIn}?${new URLSearchParams({ returnTo: here(location) })}`;
    };
    update();
    signIn.addEventListener('pointerdown', update);
    signIn.addEventListener('focus', update);
    signIn.hidden = false;
    box.hidden = false;
  }
}

async function signOutAndReload(button: HTMLButtonElement, fetchSession: typeof fetch) {
  button.disabled = true;
  try {
    const response = await fetchSession(AUTH_PATHS.signOut, {
      method: 'POST',
      headers: { [REQUESTED_WITH_HEADER]: REQUESTED_WITH_SITE },
      credentials: 'same-origin',
    });
    if (response.ok) {
      location.reload();
      return;
    }
  } catch {
    // The session stays; the button can be pressed again.
  }
  button.disabled = false;
}
