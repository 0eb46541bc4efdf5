namespace Justice.Media;

// A news organisation's court desk: court lists, reporting restrictions and transcript orders.

/// <summary>A court list entry. Prints listing id, court, courtroom, the defendant's name and age, town, offence, case URN and the restriction and youth flags.</summary>
public sealed record CourtListEntry(string ListingId, string Court, string Courtroom, string DefendantName, int DefendantAge, string Town, string Offence, string CaseUrn, bool RestrictionFlag, bool Youth);

/// <summary>A reporting restriction. Prints order id, court, statute, the protected person's name and until when.</summary>
public sealed record RestrictionOrder(string OrderId, string Court, string Statute, string ProtectedName, DateOnly Until);

/// <summary>A draft article. Prints article id, headline, body, desk and the reporter's staff id.</summary>
public sealed record ArticleDraft(string ArticleId, string Headline, string Body, string Desk, string ReporterStaffId);

public interface IRestrictionRegister
{
    Task<IReadOnlyList<RestrictionOrder>> ForCaseAsync(string caseUrn, CancellationToken cancellationToken = default);
}

/// <summary>A protected name appears in copy; quotes the name and the article.</summary>
public sealed class RestrictedNameInCopyException(string protectedName, string articleId) : Exception($"Article {articleId} names {protectedName}, who is protected");

/// <summary>A transcript order. Prints order id, hearing id, court, the requester's name, email and press card number and the pages.</summary>
public sealed record TranscriptOrder(string OrderId, string HearingId, string Court, string RequesterName, string RequesterEmail, string PressCardNumber, int Pages);

/// <summary>A transcriber's quote. Prints order id, price and working days.</summary>
public sealed record TranscriptQuote(string OrderId, decimal Price, int WorkingDays);

public interface ITranscriberClient
{
    Task<TranscriptQuote> QuoteAsync(TranscriptOrder order, CancellationToken cancellationToken = default);
}

/// <summary>The hearing was in private; quotes the hearing.</summary>
public sealed class HearingInPrivateException(string hearingId) : Exception($"Hearing {hearingId} was held in private");
