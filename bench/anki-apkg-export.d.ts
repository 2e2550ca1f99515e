// anki-apkg-export ships no types; the benchmark only calls addCard and save.
declare module 'anki-apkg-export';
