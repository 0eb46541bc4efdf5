using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Healthcare;

/// <summary>What the trust keeps from a PDS read.</summary>
public sealed record PdsPatient(
    string NhsNumber,
    string VersionId,
    string? FamilyName,
    string? GivenName,
    DateOnly? BirthDate,
    string? Postcode,
    string? GpPracticeCode,
    string SecurityCode);

public sealed record PdsSearchQuery(string FamilyName, DateOnly BirthDate, string? Gender, string? Postcode);

public sealed record OperationOutcome(string ResourceType, List<OperationOutcomeIssue> Issue);

public sealed record OperationOutcomeIssue(string Severity, string Code, CodeableConcept? Details, string? Diagnostics);

public sealed record CodeableConcept(List<Coding> Coding);

public sealed record Coding(string System, string Code, string? Display);

/// <summary>Raised when PDS answers a read or a search with an OperationOutcome the caller has to act on.</summary>
public sealed class PdsLookupException(string message, HttpStatusCode status, string? spineCode) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string? SpineCode { get; } = spineCode;
}

/// <summary>
/// Typed client for the national Personal Demographics Service (FHIR R4). Registered with
/// <c>AddHttpClient&lt;PdsDemographicsClient&gt;</c>; the token and the correlation headers come from
/// <see cref="PdsAccessTokenHandler"/>.
/// </summary>
public sealed class PdsDemographicsClient(HttpClient http, ILogger<PdsDemographicsClient> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    internal static readonly ActivitySource Source = new("Trust.Integration.Pds");

    public async Task<PdsPatient?> GetPatientAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPartnerCall("pds", "read-patient")
            .SetPartnerRequestId(requestId) // clean direct
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(nhsNumber)) // clean precision-pseudonym
            .SetPartnerResource($"Patient/{nhsNumber}"); // leak TC1001 generated-api

        using var request = new HttpRequestMessage(HttpMethod.Get, $"Patient/{nhsNumber}");
        request.Headers.Add("X-Request-ID", requestId);

        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        span.SetPartnerStatusCode((int)response.StatusCode);
        meter.CreatePartnerCallDurationHistogram().Record(elapsed, "pds", "read-patient", (int)response.StatusCode); // clean direct

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogInformation("PDS has no record for {NhsNumber} (request {RequestId})", nhsNumber, requestId); // leak TC1001 direct
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var outcome = await response.Content.ReadFromJsonAsync<OperationOutcome>(cancellationToken);
            var issue = outcome?.Issue.FirstOrDefault();
            var spineCode = issue?.Details?.Coding.FirstOrDefault()?.Code;
            span.SetPartnerErrorCode(spineCode ?? "unknown").SetPartnerOutcome("rejected"); // clean direct
            logger.LogWarning("PDS read failed with {Status} {SpineCode}: {Diagnostics}", (int)response.StatusCode, spineCode, issue?.Diagnostics); // clean exceptions
            throw new PdsLookupException($"PDS rejected the read of {nhsNumber}: {spineCode}", response.StatusCode, spineCode);
        }

        var resource = await response.Content.ReadFromJsonAsync<FhirPatient>(cancellationToken)
            ?? throw new InvalidOperationException("PDS returned an empty body.");
        var patient = resource.ToPdsPatient();

        if (!string.Equals(patient.NhsNumber, nhsNumber, StringComparison.Ordinal))
        {
            // A merged record: PDS answers with the surviving NHS number.
            logger.LogWarning("NHS number {Requested} superseded by {Current}", nhsNumber, patient.NhsNumber); // leak TC1001 cross-member
            span.SetPartnerNote("superseded"); // clean precision-about
        }

        if (patient.SecurityCode is "R" or "V")
        {
            Activity.Current?.SetTag("pds.restricted", true); // clean precision-about
            logger.LogInformation("Restricted record returned for request {RequestId}", requestId); // clean direct
        }

        logger.LogDebug("PDS returned {Patient}", patient); // leak TC1001 logging-objects
        logger.LogDebug("PDS returned version {VersionId} with GP practice {Practice}", patient.VersionId, patient.GpPracticeCode); // clean precision-about
        return patient;
    }

    public async Task<IReadOnlyList<PdsPatient>> SearchAsync(PdsSearchQuery query, CancellationToken cancellationToken)
    {
        var url = $"Patient?family={Uri.EscapeDataString(query.FamilyName)}&birthdate=eq{query.BirthDate:yyyy-MM-dd}"
            + (query.Gender is null ? string.Empty : $"&gender={query.Gender}")
            + (query.Postcode is null ? string.Empty : $"&address-postcode={Uri.EscapeDataString(query.Postcode)}");

        using var span = Source.StartPartnerCall("pds", "search-patients");
        span.SetPartnerResource(url); // leak TC1001 strings
        logger.LogInformation("Searching PDS with {@Query}", query); // leak TC1001 logging-objects
        logger.LogInformation("Searching PDS on {CriteriaCount} criteria, postcode given: {HasPostcode}", query.Postcode is null ? 3 : 4, query.Postcode is not null); // clean precision-about

        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var outcome = await response.Content.ReadFromJsonAsync<OperationOutcome>(cancellationToken);
            var issue = outcome?.Issue.FirstOrDefault();

            // INVALID_SEARCH_DATA: "Invalid value - '<value>' in field '<field>'".
            logger.LogWarning("PDS refused the search: {Diagnostics}", issue?.Diagnostics); // leak TC1001 exceptions
            logger.LogPartnerCallRejectedEvent("pds", 400, issue?.Details?.Coding.FirstOrDefault()?.Code); // clean generated-api
            return Array.Empty<PdsPatient>();
        }

        response.EnsureSuccessStatusCode();
        var bundle = await response.Content.ReadFromJsonAsync<FhirBundle>(cancellationToken);
        var matches = bundle?.Entry.Select(e => e.Resource.ToPdsPatient()).ToList() ?? new List<PdsPatient>();

        span.SetPartnerStatusCode(200).SetPartnerNote($"{matches.Count} match(es)"); // clean precision-about
        if (matches.Count > 1)
        {
            logger.LogWarning("Ambiguous PDS search, candidates {Candidates}", matches.Select(m => m.NhsNumber)); // leak TC1001 logging-objects
        }
        else if (matches.Count == 1)
        {
            span.SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(matches[0].NhsNumber)); // clean precision-pseudonym
            meter.CreatePartnerCallDurationHistogram().Record(0, "pds", "search-patients", 200, "single-match", pseudonymizer.PseudonymizePartnerSubjectId(matches[0].NhsNumber)); // leak TC1003 precision-pseudonym
        }

        return matches;
    }
}

internal sealed record FhirBundle(List<FhirBundleEntry> Entry);

internal sealed record FhirBundleEntry(FhirPatient Resource);

internal sealed record FhirIdentifier(string System, string Value);

internal sealed record FhirName(string Use, string? Family, List<string>? Given);

internal sealed record FhirAddress(string Use, string? PostalCode);

internal sealed record FhirReference(FhirIdentifier Identifier);

internal sealed record FhirPatient(
    string Id,
    FhirMeta Meta,
    List<FhirName>? Name,
    string? BirthDate,
    List<FhirAddress>? Address,
    List<FhirReference>? GeneralPractitioner)
{
    public PdsPatient ToPdsPatient() => new(
        Id,
        Meta.VersionId,
        Name?.FirstOrDefault(n => n.Use == "usual")?.Family,
        Name?.FirstOrDefault(n => n.Use == "usual")?.Given?.FirstOrDefault(),
        BirthDate is null ? null : DateOnly.Parse(BirthDate),
        Address?.FirstOrDefault(a => a.Use == "home")?.PostalCode,
        GeneralPractitioner?.FirstOrDefault()?.Identifier.Value,
        Meta.Security?.FirstOrDefault()?.Code ?? "U");
}

internal sealed record FhirMeta(string VersionId, List<Coding>? Security);
