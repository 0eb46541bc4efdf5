using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Transport;

public enum ExemptionReason
{
    FareDispute,
    PoliceRequest,
    Chargeback,
}

public sealed record TapRow(long TapId, string CardNumber, string StopId, DateTimeOffset TappedAt, int FarePence);

public sealed record AnonymisedTap(long TapId, string CardToken, string StopId, DateOnly Day, int FarePence);

public interface ITapArchive
{
    Task<IReadOnlyList<TapRow>> OlderThanAsync(DateTimeOffset cutoff, int take, CancellationToken cancellationToken);

    Task ReplaceAsync(IReadOnlyList<AnonymisedTap> rows, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> CardsUnderDisputeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Weekly: taps older than the retention period lose their card number. The statistics team keeps a
/// per-card token so that journeys can still be chained, made with the service's key.
/// </summary>
public sealed class JourneyHistoryRetention(
    ITapArchive archive,
    IClock clock,
    IOptions<PrivacyOpsOptions> options,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<JourneyHistoryRetention> logger) : IRecurringJob
{
    private static readonly ActivitySource Source = new("Transit.Retention");

    public string JobName => "tap-retention";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.UtcNow - options.Value.RetentionPeriod;
        using var span = Source.StartDsrWorkflow("retention");
        span.SetDsrStep(JobName);
        span.SetDsrNote($"cutoff {cutoff:yyyy-MM-dd}, batch {options.Value.BatchSize}"); // clean strings

        var disputed = (await archive.CardsUnderDisputeAsync(cancellationToken)).ToHashSet();
        logger.LogInformation("{Count} cards under dispute are kept out of retention", disputed.Count);
        logger.LogDebug("Cards under dispute: {Cards}", disputed); // leak TC1001 logging-objects

        var total = 0;
        while (true)
        {
            var rows = await archive.OlderThanAsync(cutoff, options.Value.BatchSize, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var kept = rows.Where(r => disputed.Contains(r.CardNumber)).ToList();
            foreach (var row in kept)
            {
                logger.LogDebug("Tap {TapId} kept for card ending {Last4}", row.TapId, row.CardNumber[^4..]); // clean precision-about
            }

            var anonymised = rows.Except(kept).Select(r => new AnonymisedTap(r.TapId, CardToken(r.CardNumber), r.StopId, DateOnly.FromDateTime(r.TappedAt.UtcDateTime), r.FarePence)).ToList();
            await archive.ReplaceAsync(anonymised, cancellationToken);
            total += anonymised.Count;
            span.SetDsrRecordsCount(total);
            logger.LogDebug("Batch anonymised, first {Tap}", anonymised.FirstOrDefault()); // clean hashes
            var legacy = rows.Select(r => Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(r.CardNumber)))[..12]).First();
            logger.LogDebug("Batch anonymised, legacy key of the first card {LegacyKey}", legacy); // leak TC1002 hashes
        }

        meter.CreateDsrRequestsCounter().Add(total, "retention", dsrOutcome: "taps-anonymised");
    }

    public void Exempt(string cardNumber, ExemptionReason reason)
    {
        using var span = Source.StartDsrWorkflow("retention-exemption");
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(cardNumber)); // clean precision-pseudonym
        span.SetDsrNote(reason.ToString()); // clean precision-about
        logger.LogInformation("Card {CardRef} exempted from retention: {Reason}", pseudonymizer.ComputeDsrSubjectId(cardNumber), reason); // clean precision-pseudonym
    }

    private string CardToken(string cardNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.ASCII.GetBytes(cardNumber)))[..20];
}
