using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout46.Support.Screening;

// Stand-ins for a sanctions and PEP screening provider and an age-verification provider, in the shape
// of the vendors' .NET SDKs.

/// <summary>A person to screen against the sanctions, PEP and adverse-media lists.</summary>
public sealed record PersonScreeningRequest(string FullName, DateOnly? DateOfBirth, string? Nationality, string ClientReference);

/// <summary>An organisation to screen (a company, a charity, a university).</summary>
public sealed record OrganisationScreeningRequest(string RegisteredName, string? CompanyNumber, string Country, string ClientReference);

/// <summary>One entry of a list that matched the screened name.</summary>
/// <param name="MatchedName">The name as the list gives it (a designated person or entity).</param>
/// <param name="ListName">The list, for example <c>UK-OFSI</c> or <c>OFAC-SDN</c>.</param>
/// <param name="Score">How close the names are, 0 to 1.</param>
/// <param name="EntryType"><c>individual</c> or <c>entity</c>.</param>
public sealed record ScreeningHit(string MatchedName, string ListName, double Score, string EntryType);

/// <summary>The provider's answer: its search id, the overall status and the hits.</summary>
public sealed record ScreeningResponse(string SearchId, string Status, IReadOnlyList<ScreeningHit> Hits)
{
    public bool HasHits => Hits.Count > 0;
}

public interface ISanctionsScreeningClient
{
    Task<ScreeningResponse> ScreenPersonAsync(PersonScreeningRequest request, CancellationToken cancellationToken = default);

    Task<ScreeningResponse> ScreenOrganisationAsync(OrganisationScreeningRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// The screening provider's error. Its message is the provider's code and fixed text
/// (<c>RATE_LIMITED: Too many searches</c>, <c>INVALID_REQUEST: date_of_birth is not a valid date</c>);
/// it names fields, never their values.
/// </summary>
public sealed class ScreeningProviderException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>What the age-verification provider is asked.</summary>
public sealed record AgeVerificationRequest(string Method, int Threshold, string? DocumentImageId, string? MobileNumber);

/// <summary>
/// The provider's result: its check id, whether the person is over the threshold and, for the
/// facial-estimation method, the estimated age rounded to a year.
/// </summary>
public sealed record AgeVerificationResult(string CheckId, bool OverThreshold, string Method, int? EstimatedAge, DateOnly? DocumentDateOfBirth, string? DocumentNumber);

public interface IAgeVerificationClient
{
    Task<AgeVerificationResult> VerifyAsync(AgeVerificationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The age-verification provider's error: a code and a fixed description (<c>document_unreadable</c>, <c>session_expired</c>).</summary>
public sealed class AgeVerificationException(string code, string description) : Exception($"Age verification failed ({code}): {description}")
{
    public string Code { get; } = code;
}
