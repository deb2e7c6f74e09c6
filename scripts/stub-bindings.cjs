// Stands in for the `bindings` package, which better-sqlite3 calls to find its native addon:
// it looks for the caller's package root through a stack trace and tries a dozen build
// folders, at every launch. The addon is where npm builds it; `require` here is the
// bundle's own, so the lookup starts beside the bundle like any dependency's would.
module.exports = function bindings(name) {
  return require(`better-sqlite3/build/Release/${name}`);
};
