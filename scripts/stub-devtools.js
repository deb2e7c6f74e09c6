// Stands in for react-devtools-core, which Ink imports only when DEV is set: the bundle
// must resolve the import, and users never need the devtools.
export default {};
