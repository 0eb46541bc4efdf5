using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using GoCardless;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout17.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout17.Education;

/// <summary>A failed instalment due for another collection attempt.</summary>
public sealed record FeeArrear(string StudentNumber, string PaymentId, string Stage, int Attempt, string SponsorEmail, long AmountPence);

public interface IFeeArrears
{
    Task<IReadOnlyList<FeeArrear>> DueForRetryAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Retries failed instalments on the dunning schedule (3, 7 and 14 days) and escalates after the third.</summary>
public sealed class InstalmentDunningJob(
    IFeeArrears arrears,
    GoCardlessClient goCardless,
    TimeProvider clock,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<InstalmentDunningJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Fees.Dunning");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var arrear in await arrears.DueForRetryAsync(clock.GetUtcNow(), stoppingToken))
            {
                await RetryAsync(arrear, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        }
    }

    private async Task RetryAsync(FeeArrear arrear, CancellationToken cancellationToken)
    {
        var student = pseudonymizer.PseudonymizeDunningAccountId(arrear.StudentNumber);
        using var span = Source.StartDunningRetry(arrear.Stage).SetDunningAccountId(student).SetDunningAttempt(arrear.Attempt); // clean precision-pseudonym
        meter.CreateDunningRetriesCounter().Add(1, arrear.Stage); // clean generated-api

        var payment = await goCardless.RetryPaymentAsync(arrear.PaymentId, cancellationToken);
        if (payment.Status is "failed" or "cancelled")
        {
            span.AddDunningRetryFailedEvent($"payment {payment.Id} {payment.Status}", arrear.Attempt); // clean generated-api
            span.SetDunningNote($"retry failed, sponsor {arrear.SponsorEmail} to be contacted"); // leak TC1001 generated-api
            logger.LogDunningRetryFailedEvent($"{payment.Status} at {arrear.Stage}", arrear.Attempt, student); // clean generated-api
        }

        if (arrear.Attempt >= 3)
        {
            logger.LogWarning("Escalating arrears of {Amount} for student {StudentNumber} to the finance office", arrear.AmountPence, arrear.StudentNumber); // leak TC1001 direct
            DunningLog.SponsorNotified(logger, arrear.Stage, arrear.SponsorEmail); // clean logging-objects
            Activity.Current?.AddBaggage("fees.student", arrear.StudentNumber); // leak TC1001 direct
        }
    }
}

internal static partial class DunningLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Final notice at stage {Stage} sent to sponsor {SponsorEmail}")]
    public static partial void SponsorNotified(ILogger logger, string stage, [PrivateData] string sponsorEmail);
}
