/*
 * connect.js: the drop-in popup helper of the onboarding gateway. No dependencies.
 *
 *   <script src="https://onboarding.example.com/onboarding/connect.js"></script>
 *   button.onclick = () => OnboardingGateway.connect({hub: 'main', token: myJwt})
 *       .then(({client, channels, revoked}) => ...)
 *       .catch((error) => ... error.code is 'popup-blocked', 'closed', 'timeout', 'rejected', 'session-failed');
 *
 * Call connect() straight from a click handler: the popup is opened before any network request, because browsers
 * only allow popups opened in direct response to a user's action.
 *
 * Options: hub (required); token (the tenant's bearer JWT) or, on a dev stack, tenant; and the optional prefill
 * fields email, name, number, partnerPayload, plan ('regular' | 'premium'), login (true: login instead of sign-up);
 * timeoutMs (default: until the flow's state expires).
 */
(function (global) {
  'use strict';

  // Everything is relative to where this script was loaded from, so the gateway may live under any path.
  var script = global.document.currentScript;
  var base = new URL('.', script ? script.src : global.location.href);
  var gatewayOrigin = base.origin;
  var PREFILL = ['email', 'name', 'number', 'partnerPayload', 'plan', 'login'];
  // After the popup closes its last message may still be on its way; give it this long to arrive.
  var CLOSE_GRACE_MS = 500;

  function connectError(code, message) {
    var error = new Error(message);
    error.name = 'ConnectError';
    error.code = code;
    return error;
  }

  function openPopup() {
    var width = 600;
    var height = 900;
    var left = global.screenX + Math.max(0, (global.outerWidth - width) / 2);
    var top = global.screenY + Math.max(0, (global.outerHeight - height) / 2);
    return global.open('about:blank', 'onboarding-360dialog',
        'popup=yes,width=' + width + ',height=' + height + ',left=' + left + ',top=' + top);
  }

  function createSession(options) {
    var url = new URL('sessions', base);
    if (options.tenant) {
      url.searchParams.set('tenant', options.tenant);
    }
    var headers = {'Content-Type': 'application/json'};
    if (options.token) {
      headers.Authorization = 'Bearer ' + options.token;
    }
    var body = {hub: options.hub};
    PREFILL.forEach(function (field) {
      if (options[field] !== undefined) {
        body[field] = options[field];
      }
    });
    // credentials: the answer sets the cookie that binds the flow to this browser.
    return global.fetch(url, {method: 'POST', credentials: 'include', headers: headers, body: JSON.stringify(body)})
        .catch(function () {
          throw connectError('session-failed', 'The onboarding service could not be reached.');
        })
        .then(function (response) {
          return response.json().catch(function () {
            return {};
          }).then(function (json) {
            if (!response.ok) {
              throw connectError('session-failed', json.error || 'The onboarding service answered ' + response.status);
            }
            return json;
          });
        });
  }

  function connect(options) {
    options = options || {};
    return new Promise(function (resolve, reject) {
      if (!options.hub) {
        reject(connectError('session-failed', 'connect() needs a hub'));
        return;
      }
      var popup = openPopup();
      if (!popup) {
        reject(connectError('popup-blocked', 'The browser blocked the popup. Allow popups for this site and try again.'));
        return;
      }
      var settled = false;
      var closedWatch = null;
      var timeout = null;

      function settle(callback, value) {
        if (settled) {
          return;
        }
        settled = true;
        global.removeEventListener('message', onMessage);
        global.clearInterval(closedWatch);
        global.clearTimeout(timeout);
        callback(value);
      }

      function fail(error) {
        if (!popup.closed) {
          popup.close();
        }
        settle(reject, error);
      }

      function onMessage(event) {
        // Only the gateway's own redirect page, in the popup this call opened, may answer.
        if (event.origin !== gatewayOrigin || event.source !== popup) {
          return;
        }
        var data = event.data || {};
        if (data.error) {
          settle(reject, connectError('rejected', data.message || data.error));
          return;
        }
        settle(resolve, {client: data.client, channels: data.channels || [], revoked: data.revoked || []});
      }

      global.addEventListener('message', onMessage);
      closedWatch = global.setInterval(function () {
        if (popup.closed) {
          global.clearInterval(closedWatch);
          global.setTimeout(function () {
            settle(reject, connectError('closed', 'The popup was closed before the connection was finished.'));
          }, CLOSE_GRACE_MS);
        }
      }, 300);

      createSession(options).then(function (session) {
        if (settled) {
          return;
        }
        var timeoutMs = options.timeoutMs || Math.max(0, Date.parse(session.expiresAt) - Date.now());
        timeout = global.setTimeout(function () {
          fail(connectError('timeout', 'The connection was not finished in time. Please start again.'));
        }, timeoutMs);
        popup.location.href = session.permissionsUrl;
      }, fail);
    });
  }

  global.OnboardingGateway = {connect: connect};
})(window);
