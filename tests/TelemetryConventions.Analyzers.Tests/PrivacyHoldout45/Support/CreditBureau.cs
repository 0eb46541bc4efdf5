using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout45.Support.Bureau;

// A credit reference agency's client, reduced to what the services call. Only the shapes matter.

public enum SearchType
{
    /// <summary>A quotation search: not visible to other lenders.</summary>
    Soft,

    /// <summary>An application search: visible to other lenders.</summary>
    Hard,
}

public sealed record BureauAddress(string Line1, string? Line2, string Town, string Postcode);

public sealed record CreditSearchRequest(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    BureauAddress Address,
    SearchType Type,
    string Purpose);

/// <summary>
/// The bureau's answer. <see cref="SearchReference"/> is the bureau's reference of this search;
/// <see cref="ConsumerId"/> is the bureau's own id of the person it matched.
/// </summary>
public sealed record CreditReport(
    string SearchReference,
    string? ConsumerId,
    int Score,
    string ScoreBand,
    int ActiveAccounts,
    decimal TotalUnsecuredDebt,
    int MissedPaymentsLast12Months,
    bool HasCountyCourtJudgment,
    bool ElectoralRollMatch,
    IReadOnlyList<string> ReasonCodes);

/// <summary>Income and commitments the bureau derives from current-account turnover data it holds.</summary>
public sealed record AffordabilityResult(
    string SearchReference,
    decimal VerifiedMonthlyIncome,
    decimal MonthlyCommitments,
    decimal DisposableIncome,
    string Confidence);

public interface ICreditBureauClient
{
    Task<CreditReport> SearchAsync(CreditSearchRequest request, CancellationToken cancellationToken = default);

    Task<AffordabilityResult> CheckAffordabilityAsync(string searchReference, CancellationToken cancellationToken = default);
}

public static class BureauErrorCodes
{
    public const string NoMatch = "NO_MATCH";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string InvalidRequest = "INVALID_REQUEST";
}

/// <summary>
/// Raised by the bureau client with the bureau's error. For <c>NO_MATCH</c> the bureau's message
/// repeats what it searched for ("No consumer found for BLOGGS, JOSEPH born 1984-03-02 at AB1 2CD");
/// for <c>SERVICE_UNAVAILABLE</c> it is the fixed text "The bureau service is temporarily unavailable";
/// for <c>INVALID_REQUEST</c> it names the field ("dateOfBirth: must be in the past").
/// </summary>
public sealed class BureauException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
