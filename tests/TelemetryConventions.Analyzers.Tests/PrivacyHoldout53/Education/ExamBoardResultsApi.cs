using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using Refit;
using TelemetryConventions;

namespace PrivacyHoldout53.Education;

/// <summary>The awarding body's results and entries API for exam centres.</summary>
[Headers("Accept: application/json", "X-Api-Version: 3")]
public interface IExamBoardApi
{
    [Get("/centres/{centreNumber}/series/{series}/results")]
    Task<ApiResponse<ResultsPage>> GetResultsAsync(string centreNumber, string series, [Query] int page, CancellationToken cancellationToken);

    [Get("/candidates/{uci}/results")]
    Task<CandidateResults> GetCandidateResultsAsync(string uci, [Query] string series, CancellationToken cancellationToken);

    [Post("/centres/{centreNumber}/entries")]
    Task<EntryReceipt> SubmitEntriesAsync(string centreNumber, [Body] EntryBatch batch, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/centres/{centreNumber}/reviews")]
    Task<ReviewReceipt> RequestReviewAsync(string centreNumber, [Body] ReviewRequest request, CancellationToken cancellationToken);
}

public sealed record ResultsPage(int Page, int TotalPages, List<CandidateResult> Results);

public sealed record CandidateResult(string Uci, string CandidateNumber, string QualificationCode, string Grade, int? Mark);

public sealed record CandidateResults(string Uci, string Series, List<CandidateResult> Results);

public sealed record EntryLine(string CandidateNumber, string Uci, string QualificationCode, string Tier);

public sealed record EntryBatch(string Series, string BatchReference, List<EntryLine> Entries);

public sealed record EntryReceipt(string ReceiptId, int Accepted, int Rejected);

public sealed record ReviewRequest(string Uci, string CandidateNumber, string ComponentCode, string ReviewType, bool CandidateConsent);

public sealed record ReviewReceipt(string ReviewId, DateOnly ExpectedBy);

public interface ILearnerDirectory
{
    bool TryMatch(string uci, out string studentNumber);
}

/// <summary>Pulls the series' results from the awarding body into the MIS on results day.</summary>
public sealed class ResultsImportService(IExamBoardApi api, ILearnerDirectory learners, ILogger<ResultsImportService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("College.Exams.Results");

    public async Task<int> ImportSeriesAsync(string centreNumber, string series, CancellationToken cancellationToken)
    {
        using var span = Source.StartPartnerCall("exam-board", "get-results")
            .SetPartnerResource($"centres/{centreNumber}/series/{series}"); // clean direct
        var imported = 0;
        var unmatched = new List<string>();

        for (var page = 1; ; page++)
        {
            var response = await api.GetResultsAsync(centreNumber, series, page, cancellationToken);
            span.SetPartnerStatusCode((int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError(response.Error, "Results page {Page} for centre {Centre} failed with {Status}", page, centreNumber, (int)response.StatusCode); // clean exceptions
                break;
            }

            if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining))
            {
                logger.LogDebug("Exam board rate limit remaining {Remaining}", remaining.FirstOrDefault()); // clean direct
            }

            foreach (var result in response.Content!.Results)
            {
                if (!learners.TryMatch(result.Uci, out var studentNumber))
                {
                    unmatched.Add(result.Uci);
                    logger.LogWarning("No learner for UCI {Uci}, candidate {CandidateNumber}", result.Uci, result.CandidateNumber); // leak TC1001 cross-member
                    continue;
                }

                imported++;
                logger.LogDebug("Grade {Grade} for {Qualification} filed for {Student}", result.Grade, result.QualificationCode, pseudonymizer.PseudonymizePartnerSubjectId(studentNumber)); // clean precision-pseudonym
            }

            logger.LogInformation("Results page {Page} of {TotalPages}: {Count} results", page, response.Content.TotalPages, response.Content.Results.Count); // clean precision-about
            if (page >= response.Content.TotalPages)
            {
                break;
            }
        }

        span.SetPartnerNote($"imported {imported}, unmatched {unmatched.Count}"); // clean precision-about
        if (unmatched.Count > 0)
        {
            span.SetPartnerNote("unmatched: " + string.Join(",", unmatched)); // leak TC1001 generated-api
            logger.LogWarning("Unmatched candidates {Candidates}", unmatched); // leak TC1001 logging-objects
        }

        meter.CreatePartnerCallDurationHistogram().Record(0, "exam-board", "get-results", 200, unmatched.Count == 0 ? "ok" : "partial"); // clean precision-about
        return imported;
    }

    public async Task<CandidateResults?> RefreshCandidateAsync(string uci, string series, CancellationToken cancellationToken)
    {
        using var span = Source.StartPartnerCall("exam-board", "get-candidate-results")
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(uci)); // clean precision-pseudonym
        try
        {
            return await api.GetCandidateResultsAsync(uci, series, cancellationToken);
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogInformation("No results yet at {Uri}", ex.Uri); // leak TC1001 cross-member
            span.SetPartnerStatusCode(404).SetPartnerOutcome("not-found"); // clean direct
            return null;
        }
        catch (ApiException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Candidate results call failed with {Status} {Reason}", (int)ex.StatusCode, ex.ReasonPhrase); // clean exceptions
            throw;
        }
    }

    public async Task<ReviewReceipt?> RequestReviewAsync(string centreNumber, ReviewRequest request, CancellationToken cancellationToken)
    {
        var reviewRequestType = request.ReviewType;
        var candidateConsentRecorded = request.CandidateConsent;
        logger.LogInformation("Requesting {ReviewType} review, consent recorded {Consent}, component {Component}", reviewRequestType, candidateConsentRecorded, request.ComponentCode); // clean precision-names
        logger.LogInformation("Requesting review {@Request}", request); // leak TC1001 logging-objects
        Activity.Current?.SetTag("exam.review.uci", request.Uci); // leak TC1001 direct

        try
        {
            var receipt = await api.RequestReviewAsync(centreNumber, request, cancellationToken);
            logger.LogInformation("Review {ReviewId} expected by {ExpectedBy}", receipt.ReviewId, receipt.ExpectedBy); // clean direct
            return receipt;
        }
        catch (ValidationApiException ex)
        {
            // The board's validation problems quote the rejected value: "'<uci>' is not a live UCI for this centre".
            logger.LogWarning("Review rejected: {Title}; fields {Fields}", ex.Content?.Title, string.Join(",", ex.Content?.Errors.Keys ?? Enumerable.Empty<string>())); // clean exceptions
            logger.LogWarning("Review rejected: {Errors}", ex.Content?.Errors.SelectMany(e => e.Value)); // leak TC1001 exceptions
            Activity.Current?.AddPartnerCallRejectedEvent("exam-board", 400, "validation", partnerNote: ex.Content?.Detail); // leak TC1001 exceptions
            return null;
        }
    }
}
