"""The organisation's facts: each is a concept until someone with authority confirms it.

Only confirmed values ever reach a parent. Templates read them as ``site.facts.<key>``
(``None`` for a concept) and code through :func:`content.facts.api.confirmed_facts`;
nothing else reads the ``Fact`` table for the public site.
"""
