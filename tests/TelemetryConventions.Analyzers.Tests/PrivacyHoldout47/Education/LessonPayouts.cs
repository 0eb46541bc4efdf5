using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Education;

public sealed record TutorPayoutAccount(Guid TutorId, string ConnectedAccountId, string LegalName, string PayoutCurrency);

public sealed record CompletedLesson(string LessonId, Guid TutorId, decimal Price, decimal CommissionRate);

public sealed record PayoutSummary(Guid TutorId, string LegalName, int Lessons, decimal Gross, decimal Commission);

public sealed class TutorPayoutJob(IConnectPayments payments, ILogger<TutorPayoutJob> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Marketplace.Tutoring.Payouts");

    public async Task PayAsync(TutorPayoutAccount account, IReadOnlyList<CompletedLesson> lessons, CancellationToken cancellationToken)
    {
        var gross = lessons.Sum(l => l.Price);
        var commission = lessons.Sum(l => l.Price * l.CommissionRate);
        using var span = Source.StartMarketBooking("tutoring");
        span.SetMarketAmount((double)(gross - commission));
        span.SetMarketPartyId(pseudonymizer.PseudonymizeMarketPartyId(account.TutorId.ToString())); // clean generated-api
        span.SetMarketNote($"payout for {account.LegalName}"); // leak TC1001 generated-api

        var summary = new PayoutSummary(account.TutorId, account.LegalName, lessons.Count, gross, commission);
        logger.LogInformation("Paying out {Summary}", summary); // leak TC1001 logging-objects
        logger.LogInformation("Paying out {Lessons} lessons, gross {Gross}, commission {Commission}", summary.Lessons, summary.Gross, summary.Commission); // clean precision-about

        try
        {
            var transfer = await payments.CreateTransferAsync(account.ConnectedAccountId, (long)((gross - commission) * 100), account.PayoutCurrency, $"tp-{DateTime.UtcNow:yyyyMMdd}-{lessons[0].LessonId}", cancellationToken);
            logger.LogInformation("Transfer {TransferId} created: {Status}", transfer.Id, transfer.Status); // clean precision-about
            logger.LogInformation("Transfer sent to {Destination}", transfer.Destination); // leak TC1001 cross-member
            meter.CreateMarketPayoutAmountHistogram().Record((double)(gross - commission), marketVertical: "tutoring", marketOutcome: transfer.Status); // clean precision-about
        }
        catch (PaymentProviderException ex)
        {
            logger.LogError(ex, "Payout failed with {Code}", ex.Code); // clean exceptions
            Activity.Current?.SetTag("payout.connected_account", account.ConnectedAccountId); // leak TC1001 direct
            meter.CreateMarketPayoutAmountHistogram().Record(0, marketVertical: "tutoring", marketOutcome: pseudonymizer.ComputeMarketPartyId(account.TutorId.ToString())); // leak TC1003 precision-pseudonym
        }
    }
}
