/** /cite/: reads a pasted citation from ?q= or the form and opens the clause or document it names. */
import { element } from '../lib/dom.ts';
import { citedPage } from '../lib/search/cite-client.ts';

const form = element('cite-form', HTMLFormElement);
const input = element('cite-q', HTMLInputElement);
const status = element('cite-status', HTMLElement);
const base = form.dataset['base'] ?? '/';

async function open(pasted: string): Promise<void> {
  if (pasted.trim() === '') return;
  status.textContent = '正在查找…';
  try {
    const page = await citedPage(base, pasted);
    if (page === null) {
      status.replaceChildren('没有找到这条引文对应的文件。', Object.assign(document.createElement('a'), { href: `${base}search/?q=${encodeURIComponent(pasted)}`, textContent: '在全文中搜索' }), '。');
      return;
    }
    status.textContent = page.documentOnly && !page.whole ? `文件中没有这一编号，正在打开文件：${page.citation}` : `正在打开：${page.citation}`;
    location.assign(page.url);
  } catch {
    status.textContent = '暂时无法查找，请检查网络后重试。';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(input.value)}`);
  void open(input.value);
});

const pasted = new URLSearchParams(location.search).get('q') ?? '';
input.value = pasted;
void open(pasted);
