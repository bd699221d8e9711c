// opencc-js ships types for its converters, not for its dictionaries: each is one string of
// `traditional simplified` pairs joined by `|`.
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
