"""A comma between the subject and its verb ("Il capitano della Roma, ha segnato")."""

from __future__ import annotations

from collections.abc import Iterator

from sportlint.findings import Applicability, Edit, Finding, Severity
from sportlint.rules.base import Context, Rule
from sportlint.rules.punctuation._parse import subject_commas


class SubjectVerbComma(Rule):
    """A comma between a clause's subject and its verb.

    What it catches:
    A single comma that cuts a subject from the verb right after it: "Il capitano della
    Roma, ha segnato al 90'", "Ha detto che il portiere del Bari, non giocherà", "Il
    centrocampista brasiliano, si è fermato". The sentence's first comma must follow a
    noun, a name or an adjective and be followed by a finite verb (perhaps after "non" or
    a clitic such as "si", "ci", "lo"), and the parser must read the words before it,
    from the start of the sentence or of a clause opened by "che", "quando", "e" ..., as
    one noun phrase that is the verb's subject, with a confident arc and label.

    Stays silent on:
    An apposition or an inciso closed before the verb ("Il capitano, Pellegrini, ha
    segnato": the subject phrase holds a comma), a list of subjects ("Rossi, Bianchi e
    Verdi, ..."; "Rossi e Bianchi, ..."), a vocative (a verb in the second person or the
    imperative: "Rossi, hai sbagliato"), an absolute construction ("Finita la partita, è
    iniziata la festa"), a fronted phrase of time ("La settimana scorsa, ha vinto"), a
    subject ending in a relative clause (`punctuation.unclosed-inciso` reports it), a
    pronoun as subject, sentences the parser is unsure of, and quoted speech.

    Why:
    Italian never separates the subject from its verb with a single comma.

    Example:
        Il capitano della Roma, ha segnato al 90'.
        -> Il capitano della Roma ha segnato al 90'.

    Fix:
    Removes the comma.

    Fix safety:
    Unsafe (`--unsafe-fixes`): the comma may be the closing one of an inciso whose opening
    comma is missing.
    """

    id = "punctuation.subject-verb-comma"
    severity = Severity.WARNING
    skip_quoted = True

    def check(self, ctx: Context) -> Iterator[Finding]:
        seg = ctx.seg
        for sentence in seg.sentences:
            if sentence.heading:
                continue
            tokens = seg.sentence_tokens(sentence)
            for found in subject_commas(ctx, tokens):
                if found.relative:
                    continue
                last, comma = tokens[found.comma - 1], tokens[found.comma]
                subject = ctx.text[tokens[found.start].start:last.end]
                yield self.finding(
                    last.start, comma.end,
                    f"Virgola tra soggetto e verbo: «{subject}» è il soggetto di "
                    f"«{tokens[found.verb].text}», che non va separato da una virgola sola.",
                    [last.text], fix=Applicability.UNSAFE,
                    edits=[Edit(comma.start, comma.end, "")])
