// A tiny web app that signs its users in with the reference platform's published Passport
// strategy, passport-onshape, used unchanged except for its URLs, which point at Portico.
// PassportOnshapeTests starts it and plays the browser.
//
//   GET /login     passport-onshape's redirect to Portico's /oauth/authorize
//   GET /callback  the redirect URI: the strategy exchanges the code (client secret in the body)
//                  and fetches the profile (sessioninfo with the Bearer token); answers the profile
//   GET /me        the last signed-in profile as JSON (404 before)
//
// Environment: PORTICO_URL (e.g. http://localhost:8080), CLIENT_ID, CLIENT_SECRET, PORT (the
// callback's port; it listens on 127.0.0.1 only), SCOPES (comma-separated, default
// OAuth2Read,OAuth2ReadPII) and LIFETIME_SECONDS (it exits by itself after that, default 120; also
// when its standard input closes, so it never outlives the test that started it).
'use strict';

const crypto = require('node:crypto');
const express = require('express');
const passport = require('passport');
const OnshapeStrategy = require('passport-onshape');

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
  return value;
}

const portico = required('PORTICO_URL').replace(/\/+$/, '');
const port = Number(required('PORT'));
const callbackURL = `http://127.0.0.1:${port}/callback`;
const lifetime = Number(process.env.LIFETIME_SECONDS || 120) * 1000;

// The app's own one-time `state` values (a real app would keep them in its session store).
const states = new Map();
const stateStore = {
  store(req, meta, done) {
    const state = crypto.randomBytes(16).toString('hex');
    states.set(state, Date.now());
    done(null, state);
  },
  verify(req, state, meta, done) {
    const known = typeof state === 'string' && states.delete(state);
    done(null, known, known ? state : { message: 'unknown or reused state' });
  },
};

passport.use(
  new OnshapeStrategy(
    {
      // The only change from the reference platform: its URLs.
      authorizationURL: `${portico}/oauth/authorize`,
      tokenURL: `${portico}/oauth/token`,
      userProfileURL: `${portico}/api/users/sessioninfo`,
      clientID: required('CLIENT_ID'),
      clientSecret: required('CLIENT_SECRET'),
      callbackURL,
      scope: (process.env.SCOPES || 'OAuth2Read,OAuth2ReadPII').split(','),
      store: stateStore,
    },
    (accessToken, refreshToken, params, profile, done) => {
      done(null, {
        profile,
        // What the token response said, without the tokens themselves.
        token: {
          tokenType: params.token_type,
          expiresIn: params.expires_in,
          scope: params.scope,
          refreshTokenIssued: Boolean(refreshToken),
        },
      });
    },
  ),
);

let signedIn = null;
const app = express();
app.use(passport.initialize());

app.get('/login', passport.authenticate('onshape', { session: false }));

app.get(
  '/callback',
  passport.authenticate('onshape', { session: false, failWithError: true }),
  (req, res) => {
    signedIn = req.user;
    res.json(signedIn);
  },
);

app.get('/me', (req, res) => {
  if (signedIn) {
    res.json(signedIn);
  } else {
    res.status(404).json({ error: 'nobody signed in yet' });
  }
});

// Where the strategy stopped, for the test's failure message (no token or secret in it).
app.use((err, req, res, next) => {
  const oauth = err.oauthError || {};
  const answer = {
    error: err.name || 'Error',
    message: err.message,
    code: err.code,
    status: oauth.statusCode,
    data: typeof oauth.data === 'string' ? oauth.data.slice(0, 2000) : undefined,
    cause: oauth instanceof Error ? String(oauth) : undefined,
  };
  console.error('passport-onshape failed:', JSON.stringify(answer));
  res.status(err.status || 500).json(answer);
});

const server = app.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${callbackURL.replace('/callback', '')}`);
});
server.on('error', (err) => {
  console.error(`cannot listen on 127.0.0.1:${port}: ${err.message}`);
  process.exit(3);
});

setTimeout(() => {
  console.error(`exiting after ${lifetime / 1000} s`);
  process.exit(0);
}, lifetime).unref();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
