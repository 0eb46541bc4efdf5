using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Mindscape.Raygun4Net;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Education;

/// <summary>
/// Submits a centre's batch of entries to the awarding body, all entries at once. Every entry that
/// fails is reported; the batch reports how many did.
/// </summary>
public sealed class BatchSubmissionService(
    IAwardingBodyGateway gateway,
    RaygunClient raygun,
    Pseudonymizer pseudonymizer,
    ILogger<BatchSubmissionService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("ExamBoard.Entries");

    private readonly ExamsEntryFailuresCounter _failures = meter.CreateExamsEntryFailuresCounter();

    public async Task<int> SubmitAsync(EntryBatch batch, CancellationToken cancellationToken)
    {
        using var span = Source.StartExamsBatchSubmit(batch.CentreNumber, batch.Series); // clean direct
        span.SetExamsBatchId(batch.BatchId); // clean direct

        var submissions = batch.Entries.Select(entry => SubmitEntryAsync(batch, entry, cancellationToken)).ToArray();
        var all = Task.WhenAll(submissions);
        try
        {
            await all;
            return 0;
        }
        catch when (all.Exception is not null)
        {
            var failures = all.Exception.Flatten().InnerExceptions;
            span.SetExamsFailureCount(failures.Count); // clean precision-about
            span.SetStatus(ActivityStatusCode.Error, $"{failures.Count} of {batch.Entries.Count} entries failed"); // clean precision-about
            span.SetExamsNote(all.Exception.Message); // leak TC1001 generated-api
            logger.LogWarning("Batch {BatchId} failures by type: {Types}", batch.BatchId, string.Join(",", failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key}={g.Count()}"))); // clean precision-names

            foreach (var failure in failures)
            {
                switch (failure)
                {
                    case EntryValidationException invalid:
                        logger.LogExamsEntryRejectedEvent(batch.BatchId, invalid.Code, examsNote: string.Join(",", invalid.Failures.Select(f => $"{f.Field}:{f.Rule}"))); // clean precision-names
                        logger.LogWarning("Entry {EntryRef} broke {Count} rules: {Failures}", invalid.EntryRef, invalid.Failures.Count, invalid.Failures); // leak TC1001 logging-objects
                        logger.LogDebug("First broken rule of entry {EntryRef}: {Failure}", invalid.EntryRef, invalid.Failures[0]); // leak TC1001 logging-objects
                        span.SetExamsNote(string.Join("; ", invalid.Failures.Select(f => $"{f.Field}={f.AttemptedValue}"))); // leak TC1001 generated-api
                        break;
                    case CandidateNotRegisteredException notRegistered:
                        logger.LogExamsEntryRejectedEvent(batch.BatchId, notRegistered.Code, pseudonymizer.PseudonymizeExamsCandidateId(notRegistered.Uci)); // clean precision-pseudonym
                        logger.LogWarning("Candidate {Uci} is not registered at centre {Centre}", notRegistered.Uci, notRegistered.CentreNumber); // leak TC1001 cross-member
                        break;
                    case DuplicateEntryException duplicate:
                        logger.LogExamsEntryRejectedEvent(batch.BatchId, duplicate.Code, examsNote: duplicate.Message); // leak TC1001 generated-api
                        logger.LogInformation("Duplicate entry for {Specification}; gateway said {Gateway}", duplicate.SpecificationCode, duplicate.InnerException?.Message); // clean exceptions
                        break;
                    case SpecificationClosedException closed:
                        logger.LogExamsEntryRejectedEvent(batch.BatchId, closed.Code, examsNote: closed.Message); // clean generated-api
                        break;
                    case HttpRequestException http:
                        logger.LogWarning(http, "Gateway unavailable ({Status})", http.StatusCode); // clean exceptions
                        break;
                }
                _failures.Add(1, batch.Series, failure is EntryException entryError ? entryError.Code : "E-GATEWAY"); // clean precision-about
            }

            var firstFailure = failures[0];
            logger.LogError(firstFailure, "First failure of batch {BatchId}", batch.BatchId); // leak TC1001 exceptions
            await raygun.SendInBackground(all.Exception, new List<string> { "entries", batch.Series }, new Dictionary<string, object> { ["batch"] = batch.BatchId, ["centre"] = batch.CentreNumber, ["failures"] = failures.Count }); // leak TC1001 exceptions
            return failures.Count;
        }
    }

    private async Task SubmitEntryAsync(EntryBatch batch, CandidateEntry entry, CancellationToken cancellationToken)
    {
        EntryValidator.Validate(entry);
        await gateway.CheckEligibilityAsync(batch.CentreNumber, entry, cancellationToken);
        try
        {
            await gateway.SubmitAsync(batch.CentreNumber, entry, cancellationToken);
        }
        catch (GatewayRejectionException ex) when (ex.ReasonCode == "DUPLICATE")
        {
            logger.LogDebug(ex, "Gateway reports a duplicate for entry {EntryRef}", entry.EntryRef); // clean exceptions
            throw new DuplicateEntryException(entry.CandidateNumber, entry.SpecificationCode, ex);
        }
        catch (HttpRequestException ex)
        {
            ex.Data["entryRef"] = entry.EntryRef;
            ex.Data["uci"] = entry.Uci;
            logger.LogWarning(ex, "Gateway call failed for entry {EntryRef}", entry.EntryRef); // clean exceptions
            throw;
        }
    }
}
