import { dismissedNoticeAttribute, dismissedNoticeKey } from './dismissed-notice.ts';

/** The article body Starlight renders; the translation or, after "Read in English", the English. */
const contentSelector = '.sl-markdown-content';

/** Blocks whose note goes inside them (a list item, a cell) rather than after them. */
const holdsNotes = new Set(['LI', 'TD', 'TH', 'DD', 'DT']);

/** Starlight's "translate" icon, drawn by the button that reveals a block's English original. */
const translateIcon =
  'M12.87 15.07l-2.54-2.51.03-.03A17.52 17.52 0 0 0 14.07 6H17V4h-7V2H8v2H1v2h11.17C11.5 7.92 10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98 4.56l-5.09 5.02L4 19l5-5 3.11 3.11.76-2.04zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2l-4.5-12zm-2.62 7l1.62-4.33L19.12 17h-3.24z';

type Originals = Record<string, string>;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Wires up the translation tools rendered by `TranslationTools.astro`: the notice's dismissal,
 * "Read in English" and back, a button per translated block that reveals its English original,
 * and the "show originals" mode. Originals are fetched once, on the first request, and shown
 * with `textContent` in `lang="en"`; nothing fetched ever becomes markup.
 */
export function setUpTranslationTools(tools: HTMLElement): void {
  const labels = tools.dataset;
  const status = tools.querySelector<HTMLElement>('[data-translation-status]');
  const announce = (text: string) => {
    if (status) status.textContent = text;
  };

  const notice = tools.querySelector<HTMLElement>('[data-mt-notice]');
  const dismiss = tools.querySelector<HTMLButtonElement>('[data-dismiss-notice]');
  if (notice && dismiss) {
    // A notice dismissed before is already hidden by the head script (dismissed-notice.ts).
    if (storage()?.getItem(dismissedNoticeKey) === '1') notice.hidden = true;
    dismiss.hidden = false;
    dismiss.addEventListener('click', () => {
      notice.hidden = true;
      document.documentElement.setAttribute(dismissedNoticeAttribute, '');
      storage()?.setItem(dismissedNoticeKey, '1');
      // The focused button is gone; keep keyboard and screen reader users in the same place.
      tools.querySelector<HTMLElement>('[data-translation-actions] button')?.focus();
    });
  }

  const actions = tools.querySelector<HTMLElement>('[data-translation-actions]');
  if (actions) actions.hidden = false;

  let originals: Promise<Originals> | undefined;
  const loadOriginals = (): Promise<Originals> => {
    const url = labels['originalsUrl'];
    if (!url) return Promise.reject(new Error('no originals for this page'));
    originals ??= fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`originals: HTTP ${response.status}`);
      return (await response.json()) as Originals;
    });
    // A failed load is asked for again next time, not remembered.
    originals.catch(() => (originals = undefined));
    return originals;
  };

  const translated = document.querySelector<HTMLElement>(contentSelector);
  if (!translated) return;
  const blocks = new Map(labels['originalsUrl'] ? addOriginalToggles(translated) : []);
  const toggles = [...blocks.keys()];

  const reveal = async (toggle: HTMLButtonElement, open: boolean) => {
    const note = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (!open) {
      toggle.setAttribute('aria-expanded', 'false');
      note?.remove();
      return;
    }
    if (note) return;
    let texts: Originals;
    try {
      texts = await loadOriginals();
    } catch {
      announce(labels['labelLoadFailed'] ?? '');
      return;
    }
    const block = blocks.get(toggle);
    if (!block) return;
    const english = (block.dataset['segment'] ?? '')
      .split(' ')
      .map((id) => texts[id] ?? '')
      .filter((text) => text !== '')
      .join(' ');
    const created = document.createElement('div');
    created.className = 'segment-note segment-note--original';
    created.id = toggle.getAttribute('aria-controls') ?? '';
    const label = document.createElement('span');
    label.className = 'segment-note__label';
    label.textContent = labels['labelOriginalPrefix'] ?? '';
    const text = document.createElement('span');
    text.lang = 'en';
    text.textContent = english;
    created.append(label, ' ', text);
    if (block.hasAttribute('data-segment-edited')) {
      // The English is of the machine translation this paragraph started as, not of its words now.
      const edited = document.createElement('span');
      edited.className = 'segment-note__edited';
      edited.textContent = labels['labelEdited'] ?? '';
      created.append(edited);
    }
    placeNote(block, created);
    toggle.setAttribute('aria-expanded', 'true');
  };
  for (const toggle of toggles) {
    toggle.addEventListener('click', () => {
      void reveal(toggle, toggle.getAttribute('aria-expanded') !== 'true');
    });
  }

  const showAll = tools.querySelector<HTMLButtonElement>('[data-show-originals]');
  showAll?.addEventListener('click', async () => {
    const on = showAll.getAttribute('aria-pressed') !== 'true';
    if (on) {
      try {
        await loadOriginals();
      } catch {
        announce(labels['labelLoadFailed'] ?? '');
        return;
      }
    }
    showAll.setAttribute('aria-pressed', String(on));
    translated.classList.toggle('showing-originals', on);
    await Promise.all(toggles.map((toggle) => reveal(toggle, on)));
  });

  const readInEnglish = tools.querySelector<HTMLButtonElement>('[data-read-in-english]');
  const englishUrl = labels['englishUrl'];
  if (!readInEnglish || !englishUrl) return;
  const title = document.querySelector<HTMLElement>('h1#_top');
  const translatedTitle = title?.textContent ?? '';
  let english: { content: HTMLElement; title: string } | undefined;
  readInEnglish.addEventListener('click', async () => {
    const showingEnglish = readInEnglish.dataset['showing'] === 'en';
    if (showingEnglish) {
      english?.content.replaceWith(translated);
      if (title) {
        title.textContent = translatedTitle;
        title.removeAttribute('lang');
      }
      readInEnglish.textContent = labels['labelReadEnglish'] ?? '';
      delete readInEnglish.dataset['showing'];
      if (showAll) showAll.hidden = false;
      announce(labels['labelShowingTranslation'] ?? '');
      return;
    }
    try {
      english ??= await fetchEnglishArticle(englishUrl);
    } catch {
      window.location.assign(englishUrl);
      return;
    }
    translated.replaceWith(english.content);
    if (title) {
      title.textContent = english.title;
      title.lang = 'en';
    }
    readInEnglish.textContent = labels['labelReadTranslation'] ?? '';
    readInEnglish.dataset['showing'] = 'en';
    if (showAll) showAll.hidden = true;
    announce(labels['labelShowingEnglish'] ?? '');
  });
}

/**
 * The English article's body and title, from the site's own English page (built and sanitized
 * like this one). The reader stays on this page, in this language: only the article changes,
 * marked `lang="en"`, so nothing else (the remembered language, the menus) follows.
 */
async function fetchEnglishArticle(url: string): Promise<{ content: HTMLElement; title: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`English page: HTTP ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const body = page.querySelector<HTMLElement>(contentSelector);
  if (!body) throw new Error('English page has no article');
  const content = document.importNode(body, true);
  content.lang = 'en';
  return { content, title: page.querySelector('h1#_top')?.textContent ?? '' };
}

/** Where a revealed original goes: inside a list item or cell, after a heading's wrapper, else after the block. */
function placeNote(block: HTMLElement, note: HTMLElement): void {
  if (holdsNotes.has(block.tagName)) {
    block.append(note);
    return;
  }
  const wrapper = block.parentElement?.classList.contains('sl-heading-wrapper')
    ? block.parentElement
    : block;
  wrapper.after(note);
}

/**
 * A button at the end of every block with segment ids (inside the heading wrapper for headings,
 * so the heading's own name is unchanged), named in the page language for screen readers and
 * voice control, with an icon and no hover-only text.
 */
function addOriginalToggles(content: HTMLElement): [HTMLButtonElement, HTMLElement][] {
  const tools = document.querySelector<HTMLElement>('[data-translation-tools]');
  const name = tools?.dataset['labelOriginal'] ?? '';
  const blocks = [...content.querySelectorAll<HTMLElement>('[data-segment]')];
  return blocks.map((block, index) => {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'segment-toggle';
    toggle.setAttribute('aria-label', name);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', `segment-original-${index}`);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('fill', 'currentColor');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', translateIcon);
    svg.append(path);
    toggle.append(svg);
    const wrapper = block.parentElement?.classList.contains('sl-heading-wrapper')
      ? block.parentElement
      : undefined;
    (wrapper ?? block).append(toggle);
    return [toggle, block];
  });
}
