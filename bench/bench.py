"""Throughput and memory of `coder` runs on real news, next to spaCy's own time for the same text.

    python bench/bench.py --out bench/results.json          # all configurations (about 20 minutes)
    python bench/bench.py --only en-rules-1 --sentences 5000 # one configuration, quick

Corpora (see bench/README.md for how to get them):
    English     CASE 2021 task 2 news snippets (TSV, `text` column) + PETRARCH GigaWord sample (XML),
                --en-tsv/--en-xml or $CODER_BENCH_EN_TSV/$CODER_BENCH_EN_XML
    Indonesian  the POS-tagged news sentences of the nlp-id package (`dataset_postag.txt`: token<TAB>tag lines,
                blank line between sentences), --id-corpus or $CODER_BENCH_ID_CORPUS
Each corpus is repeated (with new document ids) until it has at least --sentences sentences.

Every configuration runs in a fresh subprocess; the driver samples its memory (RSS and PSS summed over the process
and its workers, every 0.25 s) from outside, and the process reports wall and CPU seconds of the coding run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "reference"
DEFAULT_EN_TSV = SHARED / "samples" / "case2021_task2_news_snippets.tsv"
DEFAULT_EN_XML = SHARED / "petrarch" / "validation" / "GigaWord.sample.PETR.xml"
ID_SENTENCES_PER_DOCUMENT = 5

# name -> (language, parse, workers, documents or None for "grown to --sentences")
CONFIGS = {
    "en-parse-1": ("en", True, 1, None),
    "en-parse-2": ("en", True, 2, None),
    "en-rules-1": ("en", False, 1, None),
    "en-rules-2": ("en", False, 2, None),
    "id-rules-1": ("id", False, 1, None),
    "id-rules-2": ("id", False, 2, None),
    "mem-en-rules-2-10k": ("en", False, 2, 10_000),
    "mem-en-rules-2-100k": ("en", False, 2, 100_000),
    "mem-en-parse-2-10k": ("en", True, 2, 10_000),
}


# -- corpora ---------------------------------------------------------------------------------------------
def english_texts(tsv: Path, xml: Path) -> list[str]:
    texts = []
    with open(tsv, encoding="utf-8", newline="") as handle:
        texts += [row["text"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                  if row.get("text", "").strip()]
    if xml.is_file():
        from coder.document import Document
        from coder.io.readers import read_documents

        texts += [item.text for item in read_documents([xml]) if isinstance(item, Document)]
    return texts


_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}])")
_NO_SPACE_AFTER = re.compile(r"([(\[{]) ")


def indonesian_texts(path: Path) -> list[str]:
    """Sentences of token<TAB>tag lines, detokenized, grouped into documents of a few sentences."""
    sentences, tokens = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    sentences.append(_NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens))))
                tokens = []
            else:
                tokens.append(line.split("\t")[0])
    if tokens:
        sentences.append(" ".join(tokens))
    return [" ".join(sentences[i:i + ID_SENTENCES_PER_DOCUMENT])
            for i in range(0, len(sentences), ID_SENTENCES_PER_DOCUMENT)]


def write_corpus(texts: list[str], lang: str, path: Path, min_sentences: int | None, documents: int | None,
                 sentences_per_text: float) -> int:
    """JSONL corpus of the texts repeated (new ids) to reach the sentence or document count; returns documents."""
    if documents is None:
        documents = max(len(texts), int(min_sentences / sentences_per_text) + 1)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(documents):
            text = texts[number % len(texts)]
            out.write(json.dumps({"id": f"{lang}{number}", "text": text, "lang": lang, "date": "2021-06-01"},
                                 ensure_ascii=False) + "\n")
    return documents


def sentences_per_text(texts: list[str], lang: str) -> float:
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    sample = texts[:500]
    return sum(len(list(doc.sents)) for doc in nlp.pipe(sample)) / len(sample)


# -- one configuration (runs in its own process) ------------------------------------------------------------
class PeakMemory:
    """Largest memory of a process plus its children, sampled by a thread of the bench driver.

    The driver, not the measured process, samples. PSS is read only when asked for: walking /proc/PID/smaps
    stalls the measured process (a third slower wall time from outside, a fifth from a thread inside), so the
    throughput configurations sample RSS (/proc/PID/statm) and the mem-* configurations PSS.
    `peak` sums RSS, which counts pages shared by forked workers once per process (an over-estimate);
    `peak_pss` sums PSS, which splits shared pages between the processes sharing them (what the run costs).
    """

    def __init__(self, pid: int, pss: bool, interval: float = 0.25) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.pss = pss
        self.interval = interval
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            with contextlib.suppress(Exception):
                for process in [self.process, *self.process.children(recursive=True)]:
                    with contextlib.suppress(Exception):
                        info = process.memory_full_info() if self.pss else process.memory_info()
                        rss += info.rss
                        pss += getattr(info, "pss", 0)
            self.peak = max(self.peak, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def measured(command: list[str], pss: bool) -> dict:
    """Run one configuration in a fresh process; its JSON result plus the peak memory seen from outside."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    with PeakMemory(process.pid, pss) as memory:
        stdout, stderr = process.communicate()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    result = json.loads(stdout.splitlines()[-1])
    result.update(peak_rss_mb=round(memory.peak / 2**20), peak_pss_mb=round(memory.peak_pss / 2**20) if pss else None)
    return result


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (worker pools are joined when a run ends): on a
    shared machine, CPU time compares configurations where wall time mostly measures the neighbours."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_config(corpus: Path, lang: str, parse: bool, workers: int, dictionaries: Path | None,
               chunk_size: int) -> dict:
    from coder import Coder
    from coder.long_run import prepare_long_run
    from coder.runner import run

    started = time.perf_counter()
    coder = Coder(dictionaries, parse=parse, date="2021-06-01", lang=lang)
    coder.pipeline(lang)  # the spaCy model loads before the clock starts, as in the baseline
    load_seconds = time.perf_counter() - started
    prepare_long_run()  # as `coder code` does before a run
    cpu_before = _cpu_seconds()
    with tempfile.TemporaryDirectory() as folder:
        summary = run(coder, [corpus], Path(folder) / "events.jsonl", chunk_size=chunk_size, workers=workers)
    cpu = _cpu_seconds() - cpu_before
    return {"cpu_seconds": round(cpu, 2), "cpu_ms_per_sentence": round(1000 * cpu / max(summary.sentences, 1), 3),
            "documents": summary.documents, "sentences": summary.sentences, "events": summary.events,
            "rejected": summary.rejected, "seconds": round(summary.seconds, 2),
            "sentences_per_second": round(summary.sentences / summary.seconds, 1),
            "documents_per_second": round(summary.documents / summary.seconds, 1),
            "coder_load_seconds": round(load_seconds, 2)}


def spacy_baseline(corpus: Path, lang: str, parse: bool, chunk_size: int) -> dict:
    """spaCy alone on the same texts in one process: tokenize only, and the pipeline the coder uses."""
    with open(corpus, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    from coder.languages import get_language

    language = get_language(lang)
    blank = language.tokenizer_pipeline
    started = time.perf_counter()
    for text in texts:
        blank.make_doc(text)
    tokenize = time.perf_counter() - started
    started = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in blank.pipe(texts, batch_size=chunk_size))
    tokenize_split = time.perf_counter() - started
    result = {"tokenize_seconds": round(tokenize, 2), "tokenize_and_sentences_seconds": round(tokenize_split, 2),
              "sentences": sentences}
    if parse:
        # tag + parse only: the trained pipeline without the coder's POS table (or spaCy's attribute ruler)
        nlp = language.parser_pipeline()
        for name in set(nlp.pipe_names) - {"tok2vec", "tagger", "parser"}:
            nlp.remove_pipe(name)
        result["spacy_components"] = nlp.pipe_names
        started, cpu_before = time.perf_counter(), _cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=chunk_size):
            pass
        result["tag_parse_seconds"] = round(time.perf_counter() - started, 2)
        result["tag_parse_cpu_seconds"] = round(_cpu_seconds() - cpu_before, 2)
        result["coder_parsed_token_share"] = parsed_token_share(texts, lang, chunk_size)
    return result


def parsed_token_share(texts: list[str], lang: str, chunk_size: int) -> float:
    """Share of the tokens the coder sends to the tagger and parser: it parses only the sentences that can
    give an event (`coder.selective_parse`), which is why it can take less time than spaCy alone."""
    from coder import Coder
    from coder.languages import get_language
    from coder.selective_parse import doc_to_parse, first_pass

    coder = Coder(parse=True, date="2021-06-01", lang=lang)
    nlp, config, language = coder.pipeline(lang)[0], coder._grammar_config(lang), get_language(lang)
    parsed = total = 0
    for doc in nlp.tokenizer.pipe(texts, batch_size=chunk_size):
        _, wanted = first_pass(doc, coder.default_date, coder.dictionaries, language, config)
        total += len(doc)
        parsed += len(doc_to_parse(doc, wanted)[0]) if wanted else 0
    return round(parsed / max(total, 1), 3)


# -- driver -----------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--en-tsv", type=Path, default=Path(os.environ.get("CODER_BENCH_EN_TSV", DEFAULT_EN_TSV)))
    parser.add_argument("--en-xml", type=Path, default=Path(os.environ.get("CODER_BENCH_EN_XML", DEFAULT_EN_XML)))
    parser.add_argument("--id-corpus", type=Path, default=os.environ.get("CODER_BENCH_ID_CORPUS"))
    parser.add_argument("--dictionaries", type=Path, default=None, help="default: the packaged dictionaries")
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--only", action="append", choices=sorted(CONFIGS))
    parser.add_argument("--no-baseline", action="store_true", help="skip spaCy's own timing")
    parser.add_argument("--out", type=Path, default=None, help="append results as JSON lines here")
    parser.add_argument("--_one", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._one:
        corpus, lang, parse, workers, dictionaries, mode = args._one
        dictionaries_path = Path(dictionaries) if dictionaries != "-" else None
        if mode == "coder":
            result = run_config(Path(corpus), lang, parse == "1", int(workers), dictionaries_path, args.chunk_size)
        else:
            result = spacy_baseline(Path(corpus), lang, parse == "1", args.chunk_size)
        print(json.dumps(result))
        return
    texts = {}
    work = Path(tempfile.mkdtemp(prefix="coder-bench-"))
    for name in args.only or list(CONFIGS):
        lang, parse, workers, documents = CONFIGS[name]
        if lang not in texts:
            if lang == "en":
                texts[lang] = english_texts(args.en_tsv, args.en_xml)
            else:
                if not args.id_corpus:
                    sys.exit("Indonesian corpus missing: pass --id-corpus or set CODER_BENCH_ID_CORPUS "
                             "(see bench/README.md)")
                texts[lang] = indonesian_texts(Path(args.id_corpus))
        corpus = work / f"{name}.jsonl"
        count = write_corpus(texts[lang], lang, corpus, args.sentences, documents,
                             sentences_per_text(texts[lang], lang))
        command = [sys.executable, __file__, "--chunk-size", str(args.chunk_size), "--_one", str(corpus), lang,
                   "1" if parse else "0", str(workers), str(args.dictionaries or "-")]
        record = {"config": name, "lang": lang, "parse": parse, "workers": workers, "corpus_documents": count,
                  "load_average": os.getloadavg()[0]}
        record.update(measured(command + ["coder"], pss=name.startswith("mem-")))
        if not args.no_baseline and documents is None and workers == 1:
            record["spacy"] = json.loads(subprocess.run(command + ["spacy"], capture_output=True, text=True,
                                                        check=True, cwd=REPO).stdout.splitlines()[-1])
        print(json.dumps(record), flush=True)
        if args.out:
            with open(args.out, "a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
        corpus.unlink()


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
