/* Material 9.8's inline scripts of partials/javascripts/base.html and palette.html, written once here
   instead of on every page (theme/partials/javascripts/). Loaded synchronously in <head>, before
   Material's bundle, which uses these globals. The scope is the site's root: this file's folder is
   assets/javascripts/, two levels below it (Material's base_url); `config.extra.scope` still wins,
   set inline by the template. Compare with the installed Material when upgrading it. */
var __md_scope = window.__md_scope || new URL("../..", document.currentScript.src),
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
