// Counts times on, every second, between the pushes that bring the page new figures: the call bar's call timer, the
// wallboard's waits and agents' times in state. An element with class "ticking" carries when the server rendered it
// (data-now, epoch ms) and either since when it counts (data-since, epoch ms) or how many seconds it showed
// (data-wait); it counts on by the time passed since it arrived in this browser, so the browser's clock being off
// does not matter. A file rather than an inline script: the pages' Content Security Policy runs only the application's.
(function () {
    function duration(seconds) {
        seconds = Math.max(0, Math.floor(seconds));
        var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
        return (h > 0 ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
    }
    function tick() {
        document.querySelectorAll('.ticking').forEach(function (e) {
            if (!e.dataset.arrived) {
                e.dataset.arrived = Date.now();
            }
            var passed = (Date.now() - +e.dataset.arrived) / 1000;
            var now = +e.dataset.now;
            if (e.dataset.since && +e.dataset.since > 0) {
                e.textContent = duration((now - +e.dataset.since) / 1000 + passed);
            } else if (e.dataset.wait && +e.dataset.wait > 0) {
                e.textContent = duration(+e.dataset.wait + passed);
            }
        });
    }
    setInterval(tick, 1000);
})();
