using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Energy;

// Collections for credit customers in arrears: the debt path sends reminders, offers a repayment
// plan set by what the customer can afford, takes a promise to pay from the contact centre and, for
// customers who are not vulnerable, may end in a referral to a debt collection agency.

public sealed record ArrearsCase(
    string CaseId,
    string AccountNumber,
    string Mpan,
    string ContactPhone,
    decimal Balance,
    int DaysInArrears,
    bool PriorityServicesRegister,
    string Stage);

public sealed record PromiseToPay(string CaseId, decimal Amount, DateOnly Due, string AgentStaffNumber, string AgentNotes);

public sealed record RepaymentPlanOffer(string CaseId, decimal WeeklyAmount, int Weeks, string MandateReference);

public interface IArrearsCases
{
    IAsyncEnumerable<ArrearsCase> DueForNextStepAsync(DateOnly today, CancellationToken cancellationToken);
}

public static class DebtTelemetry
{
    public static void TagDebtor(Activity? activity, string accountNumber, string stage)
    {
        activity?.SetTag("collections.account_number", accountNumber); // leak TC1001 direct
        activity?.SetTag("collections.stage", stage); // clean precision-about
    }
}

public sealed class DebtPathWorker(
    IArrearsCases cases,
    IClock clock,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DebtPathWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supply.Collections");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var steps = meter.CreateLendingCollectionStepsCounter();
        await foreach (var arrears in cases.DueForNextStepAsync(clock.Today, stoppingToken))
        {
            using var activity = Source.StartActivity("collections.step");
            DebtTelemetry.TagDebtor(activity, arrears.AccountNumber, arrears.Stage); // leak TC1001 cross-member
            activity?.SetTag("collections.mpan.distributor", arrears.Mpan[..2]); // clean precision-about
            activity?.SetTag("collections.days_in_arrears", arrears.DaysInArrears); // clean precision-about

            if (arrears.PriorityServicesRegister)
            {
                logger.LogInformation("Case {CaseId} on hold: customer on the priority services register", arrears.CaseId); // clean precision-names
                continue;
            }

            logger.LogInformation("Next step for {@Case}", arrears); // leak TC1001 logging-objects
            logger.LogInformation("Next step for {@Case}", new { arrears.CaseId, arrears.Stage, arrears.DaysInArrears, arrears.Balance }); // clean logging-objects

            var offer = await OfferPlanAsync(arrears, stoppingToken);
            logger.LogLendingCollectionStepEvent("plan-offered", lendingBorrowerId: pseudonymizer.PseudonymizeLendingBorrowerId(arrears.AccountNumber), lendingNote: $"{offer.Weeks} weeks at {offer.WeeklyAmount}"); // clean generated-api
            logger.LogInformation("Repayment plan mandate reference {MandateReference}", offer.MandateReference); // leak TC1001 strings
            steps.Add(1, lendingProduct: "energy-arrears", lendingOutcome: "plan-offered"); // clean generated-api

            // The warehouse joins collection events on this reference.
            var warehouseRef = Convert.ToBase64String(Encoding.UTF8.GetBytes(arrears.AccountNumber));
            activity?.SetTag("collections.warehouse_ref", warehouseRef); // leak TC1001 hashes
        }
    }

    private async Task<RepaymentPlanOffer> OfferPlanAsync(ArrearsCase arrears, CancellationToken cancellationToken)
    {
        var weeks = Math.Clamp((int)Math.Ceiling(arrears.Balance / 10m), 4, 104);
        var reference = $"RP-{arrears.AccountNumber}-{clock.Today:yyMM}";
        await Task.Yield();
        return new RepaymentPlanOffer(arrears.CaseId, Math.Round(arrears.Balance / weeks, 2), weeks, reference);
    }
}

/// <summary>The contact centre's screen records a promise to pay against the case it has open.</summary>
public sealed class PromiseToPayHandler(ILogger<PromiseToPayHandler> logger)
{
    public void Record(PromiseToPay promise, ArrearsCase arrears)
    {
        var activity = Activity.Current;
        activity?.SetTag("collections.promise.amount", (double)promise.Amount); // clean precision-about
        activity?.SetTag("collections.agent", promise.AgentStaffNumber); // leak TC1001 direct
        logger.LogLendingCollectionStepEvent("promise-to-pay", lendingNote: $"customer on {arrears.ContactPhone} promised {promise.Amount} by {promise.Due}"); // leak TC1001 generated-api
        logger.LogInformation("Agent notes: {Notes}", promise.AgentNotes); // leak TC1001 direct
        logger.LogInformation("Agent notes recorded ({Length} characters)", promise.AgentNotes.Length); // clean precision-about
    }
}
