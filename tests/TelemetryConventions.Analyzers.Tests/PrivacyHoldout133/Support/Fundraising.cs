namespace Goodwork.Fundraising;

// A fundraising platform's client: pages, sponsorships and teams, in the shape of JustGiving-like APIs.

/// <summary>A fundraising page. Prints its members: id, short name (built from the fundraiser's name), owner's id, event, target and raised.</summary>
public sealed record FundraisingPage(long PageId, string ShortName, string OwnerId, string EventCode, decimal Target, decimal Raised);

/// <summary>A sponsorship given on a page. Prints its members: id, page, sponsor's name, message, amount and anonymity.</summary>
public sealed record Sponsorship(string SponsorshipId, long PageId, string SponsorName, string? Message, decimal Amount, bool Anonymous);

/// <summary>A team's totals. Prints its members: team id, event, members and raised.</summary>
public sealed record TeamTotals(string TeamId, string EventCode, int Members, decimal Raised);

public interface IFundraisingPlatform
{
    Task<FundraisingPage?> PageAsync(string shortName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Sponsorship>> SponsorshipsAsync(long pageId, CancellationToken cancellationToken = default);

    Task<FundraisingPage> CreatePageAsync(string ownerId, string shortName, string eventCode, decimal target, CancellationToken cancellationToken = default);
}

/// <summary>No page has that short name; quotes it.</summary>
public sealed class PageNotFoundException(string shortName)
    : Exception($"No fundraising page '{shortName}'")
{
}

/// <summary>The platform throttled the caller; quotes nothing but the limit.</summary>
public sealed class PlatformRateLimitedException(int limitPerMinute)
    : Exception($"Rate limited at {limitPerMinute}/min")
{
}
