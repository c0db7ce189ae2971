"""Grammar: from matched sentences to decisions about source, target, code, voice, negation and intent."""

from coder.grammar.roles import Decision, GrammarConfig, decide
from coder.grammar.sentence import decide_sentence

__all__ = ["Decision", "GrammarConfig", "decide", "decide_sentence"]
