package org.figstream.api.feed;

/** What fetching one article version ends in: its bytes, or a dead letter saying why not. */
public sealed interface FetchOutcome permits FetchedArticle, DeadLetter {}
