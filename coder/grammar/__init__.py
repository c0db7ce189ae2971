"""Grammar: from matched sentences to decisions about source, target, code, voice, negation and intent."""

from coder.grammar.roles import Decision, GrammarConfig, decide

__all__ = ["Decision", "GrammarConfig", "decide"]
