/** `npm run bench`: reproducible timings, printed as a table. */
console.log('no benchmarks yet');
