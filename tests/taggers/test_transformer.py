"""TransformerTagger with a tiny BERT built here from the training words (no downloads), loaded
through the same `from_pretrained(folder)` path a user's PhoBERT or XLM-R checkpoint takes."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from vimednlp.taggers import TransformerTagger, entity_scores, load_tagger
from vimednlp.taggers.bio import doc_tokens

pytestmark = pytest.mark.slow


def _segment(text: str) -> list[str]:
    """A toy word segmenter for the test: a few known two-syllable words."""
    for w in ("Bệnh nhân", "vào viện", "tiền sử", "Tiền sử", "chẩn đoán", "Chẩn đoán", "điều trị", "Điều trị"):
        text = text.replace(w, w.replace(" ", "_"))
    return text.split()


def _tiny_checkpoint(folder, docs, word_segmented: bool):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    words = set()
    for d in docs:
        if word_segmented:
            words.update(_segment(d.text))
        words.update(t.text for t in doc_tokens(d.text))
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {w: i for i, w in enumerate(special + sorted(words))}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    from tokenizers.processors import TemplateProcessing

    tok.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
                                            special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


@pytest.mark.parametrize("word_segmented", [False, True])
def test_transformer_tagger_tiny_bert(train_docs, test_docs, tmp_path, word_segmented):
    base = _tiny_checkpoint(tmp_path / "tiny-bert", train_docs, word_segmented)
    kwargs = {"segmenter": _segment} if word_segmented else {}
    tagger = TransformerTagger(model=base, word_segmented=word_segmented, epochs=12, batch_size=16,
                               learning_rate=3e-3, max_length=64, device="cpu", seed=0, **kwargs)
    tagger.fit(train_docs, dev=test_docs[:10])
    assert tagger.history[-1]["loss"] < tagger.history[0]["loss"]
    rep = entity_scores(test_docs, tagger.predict(test_docs))
    assert rep.micro.f1 > 0.75, rep.format()
    if word_segmented:  # units are words: "Bệnh_nhân" reaches the model as one token
        assert any(u.text == "Bệnh_nhân" for u in tagger._units("Bệnh nhân sốt cao ."))
    # offsets are character offsets into the raw text, also across windows of a long text
    long_text = " ".join(d.text for d in test_docs[:12])
    spans = tagger.predict([long_text])[0]
    assert len(spans) > 12
    assert all(long_text[s.start:s.end] == s.text for s in spans)
    out = tagger.save(tmp_path / "saved")
    assert json.loads((out / "meta.json").read_text())["kind"] == "transformers"
    again = load_tagger(out)
    assert again.word_segmented == word_segmented and again.labels == tagger.labels
    again._segmenter = tagger._segmenter
    assert [[s.to_dict() for s in d] for d in again.predict(test_docs[:10])] == \
        [[s.to_dict() for s in d] for d in tagger.predict(test_docs[:10])]


def test_transformer_tagger_errors(tmp_path, train_docs):
    with pytest.raises(ValueError, match="model="):
        TransformerTagger().fit(train_docs)
    with pytest.raises(FileNotFoundError, match="config.json"):
        TransformerTagger(model=tmp_path).fit(train_docs)
