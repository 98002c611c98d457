/* Material 9.8's inline scripts of partials/javascripts/base.html and palette.html, written once here
   instead of on every page (theme/partials/javascripts/). Loaded synchronously in <head>, before
   Material's bundle, which uses these globals. The scope is the site's root: this file's folder is
   assets/javascripts/, two levels below it (Material's base_url); `config.extra.scope` still wins,
   set inline by the template. Compare with the installed Material when upgrading it. */
var __digest_root = new URL("../..", document.currentScript.src),
  __md_scope = window.__md_scope || __digest_root,
  __md_hash = function (e) { return [...e].reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0); },
  __md_get = function (e, _ = localStorage, t = __md_scope) { return JSON.parse(_.getItem(t.pathname + "." + e)); },
  __md_set = function (e, _, t = localStorage, a = __md_scope) { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };

/* Called right after the palette's form, before the page is painted: the reader's chosen colours. */
function __digest_palette() {
  var palette = __md_get("__palette");
  if (palette && palette.color) {
    if ("(prefers-color-scheme)" === palette.color.media) {
      var media = matchMedia("(prefers-color-scheme: light)"),
        input = document.querySelector(media.matches ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']");
      palette.color.media = input.getAttribute("data-md-color-media");
      palette.color.scheme = input.getAttribute("data-md-color-scheme");
      palette.color.primary = input.getAttribute("data-md-color-primary");
      palette.color.accent = input.getAttribute("data-md-color-accent");
    }
    for (var [key, value] of Object.entries(palette.color)) document.body.setAttribute("data-md-color-" + key, value);
  }
}

/* Material's search dialog (theme/partials/search.html), built where that partial's script stands, in
   the header, before the page is painted. words: [dialog name, placeholder, clear, initializing]. */
function __digest_search(words) {
  var e = function (text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  };
  var name = e(words[0]), placeholder = e(words[1]), reset = e(words[2]), initializing = e(words[3]);
  var icon = function (name) { return '<svg class="digest-i-' + name + '" viewBox="0 0 24 24"></svg>'; };
  document.currentScript.insertAdjacentHTML("beforebegin",
    '<div class="md-search" data-digest-search role="dialog" aria-label="' + name + '"' +
    ' data-digest-unavailable="Search is not available right now">' +
    '<label class="md-search__overlay" for="__search"></label>' +
    '<div class="md-search__inner" role="search">' +
    '<form class="md-search__form" name="search">' +
    '<input type="text" class="md-search__input" name="query" aria-label="' + placeholder + '" placeholder="' + placeholder + '"' +
    ' autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>' +
    '<label class="md-search__icon md-icon" for="__search">' + icon("magnify") + icon("arrow-left") + '</label>' +
    '<nav class="md-search__options" aria-label="' + name + '">' +
    '<button type="reset" class="md-search__icon md-icon" title="' + reset + '" aria-label="' + reset + '" tabindex="-1">' +
    icon("close") + '</button></nav></form>' +
    '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>' +
    '<div class="md-search-result"><div class="md-search-result__meta" aria-live="polite">' + initializing + '</div>' +
    '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>');
}

/* Material's palette form (theme/partials/palette.html), built where that partial's script stands.
   options: one [media, scheme, primary, accent, toggle name or null, icon or null] per colour scheme. */
function __digest_palette_form(options) {
  var e = function (text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  };
  var html = '<form class="md-header__option" data-md-component="palette">';
  options.forEach(function (o, i) {
    html += '<input class="md-option" data-md-color-media="' + e(o[0]) + '" data-md-color-scheme="' + e(o[1]) +
      '" data-md-color-primary="' + e(o[2]) + '" data-md-color-accent="' + e(o[3]) + '" ' +
      (o[4] !== null ? 'aria-label="' + e(o[4]) + '"' : 'aria-hidden="true"') +
      ' type="radio" name="__palette" id="__palette_' + i + '">';
    if (o[4] !== null)
      html += '<label class="md-header__button md-icon" title="' + e(o[4]) + '" for="__palette_' + ((i + 1) % options.length) +
        '" hidden><svg class="digest-i-' + e(o[5]) + '" viewBox="0 0 24 24"></svg></label>';
  });
  document.currentScript.insertAdjacentHTML("beforebegin", html + "</form>");
  __digest_palette();  // partials/javascripts/palette.html leaves the call to this function
}

/* Material's configuration (<script id="__config">, which its bundle reads), made where theme/main.html's
   block config calls this, before the bundle: the same keys, the base as the site's root. */
function __digest_config(features, translations) {
  var config = document.createElement("script");
  config.id = "__config";
  config.type = "application/json";
  config.textContent = JSON.stringify({
    annotate: null, base: __digest_root.href, features: features,
    search: new URL("assets/javascripts/workers/search.a7633da7.min.js", __digest_root).href,
    tags: null, translations: translations, version: null
  });
  document.currentScript.after(config);
}

/* Material's back-to-top button (theme/partials/top.html), made where that partial's script stands. */
function __digest_top(label) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-top md-icon";
  button.dataset.mdComponent = "top";
  button.hidden = true;
  button.innerHTML = '<svg class="digest-i-arrow-up" viewBox="0 0 24 24"></svg>';
  button.append(label);
  document.currentScript.after(button);
}
