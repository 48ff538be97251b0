// Notes when each call's panel first appears, beside when routing offered it (the screen-pop latency
// server-config/bin/benchmark-screen-pop reports). A file rather than an inline script: the pages' Content
// Security Policy runs only scripts from the application or carrying the page's nonce.
(function () {
    window.udPops = [];
    var seen = {};
    new MutationObserver(function () {
        var pop = document.getElementById('pop');
        if (pop && !seen[pop.dataset.call]) {
            seen[pop.dataset.call] = true;
            window.udPops.push({call: pop.dataset.call, offeredAt: +pop.dataset.offeredAt, shownAt: Date.now()});
        }
    }).observe(document.body, {childList: true, subtree: true});
})();
