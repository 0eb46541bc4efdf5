using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Healthcare;

public sealed record PatientCard(string Mrn, string NhsNumber, string FamilyName, string GivenName, DateOnly BirthDate, string WardCode);

/// <summary>What a clinician typed into the patient finder: a hospital number, an NHS number or a name.</summary>
internal static partial class PatientFinderQuery
{
    private static readonly Regex NhsNumberPattern = new(@"^\d{3}\s?\d{3}\s?\d{4}$", RegexOptions.Compiled);

    private static readonly Regex HospitalNumberPattern = new(@"^[A-Z]{2}\d{6}$", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    public static Regex NhsNumber() => NhsNumberPattern;

    public static Regex HospitalNumber() => HospitalNumberPattern;

    public static SearchQueryKind Classify(string text) =>
        NhsNumber().IsMatch(text) || HospitalNumber().IsMatch(text) ? SearchQueryKind.Number
        : text.Contains('@') ? SearchQueryKind.Email
        : text.Any(char.IsDigit) ? SearchQueryKind.FreeText
        : SearchQueryKind.Name;

    /// <summary>Repeated searches are folded together on the dashboard by this fingerprint.</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ToUpperInvariant())))[..16];
}

internal static partial class PatientFinderLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Patient finder returned {Total} hits in {TookMs} ms for '{Query}'")]
    public static partial void Completed(ILogger logger, long total, int tookMs, [PrivateData] string query);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Patient finder timed out on {Index} for {Clinician}")]
    public static partial void TimedOut(ILogger logger, string index, Pseudonym clinician);
}

[ApiController]
[Route("api/patients/search")]
public sealed class PatientLookupController(
    ISearchClient search,
    Pseudonymizer pseudonymizer,
    ILogger<PatientLookupController> logger,
    Meter meter) : ControllerBase
{
    private const string Index = "patients";

    [HttpGet]
    public async Task<ActionResult> Search(string q, int page = 1, CancellationToken cancellationToken = default)
    {
        var clinician = HttpContext.User.SubjectId ?? "anonymous";
        var kind = PatientFinderQuery.Classify(q);

        var span = Activity.Current.EnrichSearchRequest(Index);
        span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(clinician)); // clean precision-pseudonym
        span.SetSearchQueryLength(q.Length); // clean precision-about
        span.SetSearchQueryKind(kind);
        span.SetSearchPage(page);
        Activity.Current?.SetTag("search.query.looks_like_nhs_number", PatientFinderQuery.NhsNumber().IsMatch(q)); // clean precision-about
        Activity.Current?.SetTag("search.query.fingerprint", PatientFinderQuery.Fingerprint(q)); // leak TC1002 hashes

        logger.LogInformation("Patient search by {Clinician}: '{Query}' (page {Page})", clinician, q, page); // leak TC1001 direct

        try
        {
            var request = new SearchRequest(Index, q.Trim()) { From = (page - 1) * 20, Fuzzy = kind == SearchQueryKind.Name };
            var response = await search.SearchAsync<PatientCard>(request, cancellationToken);
            span.SetSearchResultCount(response.Total); // clean precision-about
            meter.CreateSearchRequestsCounter().Add(1, Index, kind); // clean generated-api
            PatientFinderLog.Completed(logger, response.Total, response.TookMs, q); // clean direct

            if (response.Total == 0)
            {
                logger.LogSearchZeroResultsEvent(Index, q.Length, kind); // clean generated-api
                Activity.Current?.AddSearchZeroResultsEvent(Index, searchNote: $"no patient matched '{q}'"); // leak TC1001 generated-api
                return NotFound();
            }

            if (response.SuggestedQuery is { } didYouMean)
            {
                span.SetSearchNote($"spelling corrected to '{didYouMean}'"); // leak TC1001 strings
            }

            var top = response.Hits[0].Source;
            Activity.Current?.SetTag("search.top_hit.ward", top.WardCode); // clean precision-about
            Activity.Current?.SetTag("search.top_hit.mrn", top.Mrn); // leak TC1001 cross-member
            Activity.Current?.SetTag("search.top_hit.score", response.Hits[0].Score);
            return Ok(response.Hits.Select(h => h.Source).ToList());
        }
        catch (SearchQueryParseException ex)
        {
            logger.LogWarning(ex, "Patient search could not be parsed ({ErrorType})", ex.ErrorType); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.ErrorType); // clean exceptions
            return BadRequest("The search could not be understood.");
        }
        catch (SearchTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            PatientFinderLog.TimedOut(logger, ex.Index, pseudonymizer.PseudonymizeSearchUserId(clinician)); // clean precision-pseudonym
            return BadRequest("The search took too long; try a hospital number.");
        }
    }
}
