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
using PrivacyHoldout45.Support.DirectDebit;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Healthcare;

// Self-pay patients who cannot settle an invoice at discharge agree a payment plan collected by
// direct debit. A nightly sweep moves plans in arrears along the collection path and, at the end of
// it, places the debt with a collection agency.

public sealed record PaymentPlanRequest(
    string HospitalNumber,
    string InvoiceNumber,
    decimal Balance,
    int Instalments,
    BankDetails Bank,
    string PayerEmail);

public sealed record SelfPayPlan(
    string PlanId,
    string HospitalNumber,
    string InvoiceNumber,
    string MandateId,
    decimal Outstanding,
    int MissedCollections,
    bool Vulnerable,
    string PatientName,
    string Address);

/// <summary>One line of the file sent to the collection agency.</summary>
public sealed record AgencyPlacement(string PlacementId, string HospitalNumber, string PatientName, string Address, decimal Amount, DateOnly LastPayment);

public interface ISelfPayPlanStore
{
    Task SaveAsync(SelfPayPlan plan, CancellationToken cancellationToken);

    Task<IReadOnlyList<SelfPayPlan>> InArrearsAsync(CancellationToken cancellationToken);
}

public sealed partial class SelfPayPlanService(
    IDirectDebitClient directDebits,
    ISelfPayPlanStore plans,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<SelfPayPlanService> logger)
{
    public async Task<SelfPayPlan> CreateAsync(PaymentPlanRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartLendingApplication("self-pay-plan");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(request.HospitalNumber)); // clean precision-pseudonym
        span.SetLendingInstalmentCount(request.Instalments); // clean precision-about

        // The bureau shows the reference on the patient's bank statement, so it names the patient's record.
        var reference = $"CLINIC-{request.HospitalNumber}";
        Mandate mandate;
        try
        {
            mandate = await directDebits.CreateMandateAsync(new MandateRequest(request.Bank, reference, request.PayerEmail), cancellationToken);
        }
        catch (BankDetailsRejectedException ex)
        {
            logger.LogWarning(ex, "Bank details rejected on {Field}", ex.Field); // clean exceptions
            MandateRejected(logger, request.Bank.SortCode, request.Bank.AccountNumber, ex.Field); // leak TC1001 direct
            throw;
        }

        logger.LogInformation("Mandate {MandateId} created with reference {Reference}", mandate.Id, mandate.Reference); // leak TC1001 strings
        logger.LogInformation("Mandate on account ending {AccountEnding} at sort code {SortCode}", request.Bank.AccountNumber[^2..], request.Bank.SortCode); // clean precision-about
        PlanCreated(logger, request.InvoiceNumber, request.PayerEmail); // clean direct

        var plan = new SelfPayPlan(Guid.NewGuid().ToString("N"), request.HospitalNumber, request.InvoiceNumber, mandate.Id, request.Balance, 0, false, request.Bank.AccountHolderName, string.Empty);
        await plans.SaveAsync(plan, cancellationToken);
        span.SetLendingNote($"plan {plan.PlanId} for invoice {request.InvoiceNumber}"); // clean generated-api
        return plan;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Payment plan for invoice {InvoiceNumber} set up by {PayerEmail}")]
    private static partial void PlanCreated(ILogger logger, string invoiceNumber, [PrivateData] string payerEmail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Mandate rejected for {SortCode} {AccountNumber}: {Field}")]
    private static partial void MandateRejected(ILogger logger, string sortCode, string accountNumber, string field);
}

public sealed class SelfPayArrearsSweep(
    ISelfPayPlanStore plans,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SelfPayArrearsSweep> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Clinic.SelfPay.Collections");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inArrears = await plans.InArrearsAsync(stoppingToken);
        using var sweep = Source.StartActivity("self-pay.arrears.sweep");
        sweep?.SetTag("collections.plans.in_arrears", inArrears.Count); // clean precision-about
        sweep?.SetTag("collections.vulnerable.count", inArrears.Count(p => p.Vulnerable)); // clean precision-names

        var steps = meter.CreateLendingCollectionStepsCounter();
        foreach (var plan in inArrears)
        {
            var borrower = pseudonymizer.PseudonymizeLendingBorrowerId(plan.HospitalNumber);
            if (plan.Vulnerable)
            {
                logger.LogLendingCollectionStepEvent("paused-vulnerable", lendingBorrowerId: borrower); // clean precision-pseudonym
                continue;
            }

            if (plan.MissedCollections < 3)
            {
                logger.LogLendingCollectionStepEvent($"reminder-{plan.MissedCollections + 1}", lendingBorrowerId: borrower); // clean generated-api
                steps.Add(1, lendingProduct: "self-pay-plan", lendingOutcome: $"reminder-{plan.MissedCollections + 1}"); // clean generated-api
                continue;
            }

            var placement = new AgencyPlacement(Guid.NewGuid().ToString("N"), plan.HospitalNumber, plan.PatientName, plan.Address, plan.Outstanding, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-3)));
            logger.LogInformation("Placing debt with agency {@Placement}", placement); // leak TC1001 logging-objects
            steps.Add(1, lendingProduct: "self-pay-plan", lendingOutcome: $"placed:{plan.HospitalNumber}"); // leak TC1003 generated-api

            // The agency deduplicates placements on this key; the team tags it to find repeated placements.
            var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plan.HospitalNumber + "|" + plan.InvoiceNumber)))[..16];
            sweep?.AddEvent(new ActivityEvent("collections.placed", tags: new ActivityTagsCollection { ["collections.dedupe_key"] = dedupeKey })); // leak TC1002 hashes
            sweep?.AddEvent(new ActivityEvent("collections.placed", tags: new ActivityTagsCollection { ["collections.placement.id"] = placement.PlacementId, ["collections.amount"] = (double)placement.Amount })); // clean precision-about
        }
    }
}
