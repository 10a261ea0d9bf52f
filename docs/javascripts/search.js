// The portal's search page. Pagefind's index (made from the built site by `python -m macros
// search-index`) is loaded only when the reader searches: typing here, or arriving from the
// search box at the top of every page. Results are plain links in an ordered list, and a status
// line that screen readers announce says how many were found.
const form = document.querySelector(".sp-search-page");
const input = document.getElementById("sp-search-page-q");
const status = document.getElementById("sp-search-status");
const list = document.getElementById("sp-search-results");
const SHOWN = 20;
let engine = null;
let latest = 0;

function load() {
  engine ??= import(new URL("../pagefind/pagefind.js", import.meta.url).href).then(async (pagefind) => {
    // Result links start from the site's own address, which may be a folder (a project's Pages site).
    await pagefind.options({ excerptLength: 24, baseUrl: new URL("../", import.meta.url).pathname });
    return pagefind;
  });
  return engine;
}

// Pagefind's excerpt is HTML with <mark> around the words found: keep the text and the marks only.
function excerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const p = document.createElement("p");
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

function result(data) {
  const item = document.createElement("li");
  item.className = "sp-search-result";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const heading = document.createElement("h2");
  heading.append(link);
  item.append(heading);
  const best = (data.sub_results || []).find((sub) => sub.url.includes("#") && sub.title !== data.meta.title);
  if (best) {
    const where = document.createElement("p");
    const section = document.createElement("a");
    section.href = best.url;
    // A minute's heading is its number: say so.
    section.textContent = /^\d+(\.\d+)+$/.test(best.title) ? `minute ${best.title}` : best.title;
    where.append("Best match: ", section);
    where.className = "sp-search-result__where";
    item.append(where);
  }
  item.append(excerpt((best || data).excerpt));
  return item;
}

async function run(words) {
  const query = words.trim();
  const ticket = ++latest;
  if (!query) {
    list.replaceChildren();
    status.textContent = "Type a word or two, then press Enter.";
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  const pagefind = await load();
  const search = await pagefind.search(query);
  const found = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
  if (ticket !== latest) return; // a newer search has started
  list.replaceChildren(...found.map(result));
  const count = search.results.length;
  status.textContent = count === 0 ? `No results for “${query}”. Try another word, or fewer words.`
    : `${count} result${count === 1 ? "" : "s"} for “${query}”` + (count > SHOWN ? `: the best ${SHOWN} are shown.` : ".");
  const address = new URL(location.href);
  address.searchParams.set("q", query);
  history.replaceState(null, "", address);
}

let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => run(input.value), 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  run(input.value);
});
// Arriving from the search box at the top of a page: the search goes on here, so the keyboard
// does too (Tab then reaches the Search button and the results).
const asked = new URLSearchParams(location.search).get("q");
if (asked) {
  input.value = asked;
  input.focus();
  run(asked);
}
