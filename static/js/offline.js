// Progressive enhancement: where the browser supports it, keep the guide working offline after one visit.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}
