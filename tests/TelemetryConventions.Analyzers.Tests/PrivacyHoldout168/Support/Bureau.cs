namespace Lending.Bureau;

// The credit reference agency.

/// <summary>A credit search. Prints full name, date of birth, postcode and search type.</summary>
public sealed record CreditSearchRequest(string FullName, DateOnly DateOfBirth, string Postcode, string SearchType);

/// <summary>The bureau's report. Prints search reference, the bureau's consumer id, score, band, reason codes, defaults and CCJs.</summary>
public sealed record CreditReport(string SearchReference, string BureauConsumerId, int Score, string Band, string[] ReasonCodes, int Defaults, int CountyCourtJudgments);

/// <summary>A score summary: search reference, score and band; names no one.</summary>
public sealed record ScoreSummary(string SearchReference, int Score, string Band);

public interface ICreditBureau
{
    Task<CreditReport> SearchAsync(CreditSearchRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The bureau found no match; its message repeats the name, date of birth and postcode it searched for.</summary>
public sealed class NoMatchException(string fullName, DateOnly dateOfBirth, string postcode)
    : Exception($"NO_MATCH: no file for {fullName}, born {dateOfBirth:yyyy-MM-dd}, at {postcode}");

/// <summary>The bureau is down; a fixed text.</summary>
public sealed class BureauUnavailableException() : Exception("SERVICE_UNAVAILABLE: credit bureau did not answer");
