// The idle warning: the session ends after data-idle-seconds without a request; WARN seconds before, a notice
// counts down with a button to carry on (a POST to session/keep-alive). Every Ajax request of the page counts as
// activity, as it does on the server. At the end the page reloads, and the server shows the login page.
(function () {
    var body = document.body;
    var idle = +body.getAttribute('data-idle-seconds');
    var warn = +body.getAttribute('data-idle-warn-seconds');
    var box = document.getElementById('idle-warning');
    if (!idle || !box) {
        return;
    }
    var left = document.getElementById('idle-left');
    var stay = document.getElementById('idle-stay');
    var deadline = 0;

    function reset() {
        deadline = Date.now() + idle * 1000;
        box.hidden = true;
    }

    function twoDigits(n) {
        return (n < 10 ? '0' : '') + n;
    }

    function tick() {
        var remaining = Math.round((deadline - Date.now()) / 1000);
        if (remaining <= 0) {
            window.location.reload();
            return;
        }
        if (remaining <= warn) {
            left.textContent = Math.floor(remaining / 60) + ':' + twoDigits(remaining % 60);
            box.hidden = false;
        }
    }

    stay.addEventListener('click', function () {
        fetch(body.getAttribute('data-keep-alive'), {method: 'POST', credentials: 'same-origin', redirect: 'manual'})
            .then(function (answer) {
                if (answer.status === 204) {
                    reset();
                } else {
                    window.location.reload();
                }
            }, function () {
                window.location.reload();
            });
    });
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', reset);
    }
    if (window.faces && faces.ajax) {
        faces.ajax.addOnEvent(function (data) {
            if (data.status === 'success') {
                reset();
            }
        });
    }
    // for tests and support: pretend the session ends in so many seconds
    window.udIdle = {
        endsIn: function (seconds) {
            deadline = Date.now() + seconds * 1000;
            tick();
        }
    };
    reset();
    window.setInterval(tick, 1000);
})();
