using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Transport;

public sealed record RiderAccount(Guid RiderId, string Email, string DisplayName, IReadOnlyList<string> CardNumbers);

public sealed record JourneyLine(DateTimeOffset At, string FromStop, string ToStop, int FarePence);

public interface IRiderAccounts
{
    Task<RiderAccount?> ByEmailAsync(string email, CancellationToken cancellationToken);

    IAsyncEnumerable<JourneyLine> JourneysAsync(string cardNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

public interface IStatementWriter
{
    Task WriteAsync(string fileName, string csv, CancellationToken cancellationToken);
}

/// <summary>A rider's access request: one journey statement per card they hold, for the last twelve months.</summary>
public sealed class RiderAccessRequest(IRiderAccounts accounts, IStatementWriter writer, IClock clock, Pseudonymizer pseudonymizer, Meter meter, ILogger<RiderAccessRequest> logger)
{
    private static readonly ActivitySource Source = new("Transit.PrivacyOps");

    public async Task<int> RunAsync(string requestId, string email, CancellationToken cancellationToken)
    {
        using var span = Source.StartDsrWorkflow("access");
        span.SetDsrRequestId(requestId); // clean precision-names
        Activity.Current?.SetTag(DsrAttributes.SubjectContact, email); // leak TC1001 generated-api

        var rider = await accounts.ByEmailAsync(email, cancellationToken);
        if (rider is null)
        {
            span.SetDsrNote($"no rider account for {email}"); // leak TC1001 generated-api
            meter.CreateDsrRequestsCounter().Add(1, "access", dsrOutcome: "no-account"); // clean generated-api
            return 0;
        }

        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(rider.RiderId.ToString())); // clean precision-pseudonym
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"access request {requestId}"; // clean strings
        }

        var to = DateOnly.FromDateTime(clock.UtcNow.UtcDateTime);
        var from = to.AddMonths(-12);
        var files = 0;
        foreach (var card in rider.CardNumbers)
        {
            var csv = new StringBuilder("at,from,to,fare\n");
            var journeys = 0;
            await foreach (var line in accounts.JourneysAsync(card, from, to, cancellationToken))
            {
                csv.Append($"{line.At:O},{line.FromStop},{line.ToStop},{line.FarePence}\n");
                journeys++;
            }

            var fileName = $"statement-{card}-{to:yyyyMM}.csv";
            await writer.WriteAsync(fileName, csv.ToString(), cancellationToken);
            files++;
            logger.LogInformation("Statement written: {FileName}, {Journeys} journeys", fileName, journeys); // leak TC1001 strings
            logger.LogInformation("Statement written for card ending {Last4}: statement-{Last4}-{Month}.csv", card[^4..], card[^4..], to.ToString("yyyyMM")); // clean precision-about
            span.AddDsrStepFailedEvent("statement", dsrNote: journeys == 0 ? $"card {card} has no journeys" : null); // leak TC1001 generated-api
        }

        span.SetDsrRecordsCount(files); // clean precision-about
        logger.LogInformation("Access request {RequestId} for {Rider} complete", requestId, rider.DisplayName); // leak TC1001 direct
        meter.CreateDsrRequestsCounter().Add(1, "access", dsrOutcome: rider.RiderId.ToString()); // leak TC1003 generated-api
        return files;
    }
}
