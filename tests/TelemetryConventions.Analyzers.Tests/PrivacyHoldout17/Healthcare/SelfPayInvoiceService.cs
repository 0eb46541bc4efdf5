using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Healthcare;

public sealed record SelfPayPatient(string HospitalNumber, string FullName, string Email, string? StripeCustomerId);

public sealed record TreatmentEpisode(Guid EpisodeId, string ClinicCode, string InvoiceNumber, IReadOnlyList<TreatmentLine> Lines);

public sealed record TreatmentLine(string ProcedureCode, string Description, long AmountPence);

/// <summary>Bills self-pay treatment through Stripe invoices, numbered by the clinic's own sequence.</summary>
public sealed class SelfPayInvoiceService(
    CustomerService customers,
    InvoiceService invoices,
    InvoiceItemService invoiceItems,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SelfPayInvoiceService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Billing.SelfPay");

    private readonly Counter<long> _invoicesIssued = meter.CreateCounter<long>("selfpay.invoices.issued", "{invoice}");

    public async Task<string> IssueAsync(SelfPayPatient patient, TreatmentEpisode episode)
    {
        using var activity = Source.StartActivity("selfpay.invoice.issue");
        activity?.SetTag("invoice.number", episode.InvoiceNumber); // clean precision-names

        var customerId = await EnsureCustomerAsync(patient, activity);
        var invoice = await invoices.CreateAsync(new InvoiceCreateOptions
        {
            Customer = customerId,
            CollectionMethod = "send_invoice",
            DaysUntilDue = 30,
            Metadata = new() { ["invoice_number"] = episode.InvoiceNumber, ["hospital_number"] = patient.HospitalNumber },
        });

        long total = 0;
        foreach (var line in episode.Lines)
        {
            await invoiceItems.CreateAsync(new InvoiceItemCreateOptions { Customer = customerId, Invoice = invoice.Id, Amount = line.AmountPence, Currency = "gbp", Description = line.Description });
            total += line.AmountPence;
        }

        await invoices.FinalizeInvoiceAsync(invoice.Id);
        SelfPayLog.InvoiceIssued(logger, episode.InvoiceNumber, total, "GBP", patient.Email); // clean logging-objects
        _invoicesIssued.Add(1, new KeyValuePair<string, object?>("clinic", episode.ClinicCode), new KeyValuePair<string, object?>("lines", episode.Lines.Count)); // clean precision-names
        logger.LogInformation("Issued {InvoiceNumber} for patient {PatientRef}", episode.InvoiceNumber, pseudonymizer.ComputeBillingPayerId(patient.HospitalNumber)); // clean precision-pseudonym
        return invoice.Id;
    }

    private async Task<string> EnsureCustomerAsync(SelfPayPatient patient, Activity? activity)
    {
        if (patient.StripeCustomerId is not null)
        {
            try
            {
                return (await customers.GetAsync(patient.StripeCustomerId)).Id;
            }
            catch (StripeException ex) when (ex.StripeError?.Code == "resource_missing")
            {
                // Stripe answers "No such customer: 'cus_…'" when the customer was deleted in the dashboard.
                logger.LogWarning(ex, "Stripe customer of a self-pay patient is gone; creating a new one"); // leak TC1001 exceptions
            }
        }

        try
        {
            var created = await customers.CreateAsync(new CustomerCreateOptions
            {
                Email = patient.Email,
                Name = patient.FullName,
                Metadata = new() { ["hospital_number"] = patient.HospitalNumber },
            });
            return created.Id;
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "email_invalid")
        {
            // "Invalid email address: <the address>"
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("stripe.error.param", ex.StripeError.Param); // clean precision-about
            SelfPayLog.PatientEmailRejected(logger, patient.HospitalNumber, ex.StripeError.Code); // leak TC1001 direct
            throw;
        }
    }
}

/// <summary>A refund of an overpayment once the insurer has settled a claim the patient already paid.</summary>
public sealed record Overpayment(string HospitalNumber, string ClaimNumber, string PaymentIntentId, string CreditNoteNumber, long AmountPence);

public sealed class OverpaymentRefunds(Stripe.RefundService refunds, ILogger<OverpaymentRefunds> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Billing.Refunds");

    public async Task RefundAsync(Overpayment overpayment)
    {
        // One refund per patient and claim, even when the insurer's remittance is imported twice.
        var idempotencyKey = $"overpayment:{overpayment.HospitalNumber}:{overpayment.ClaimNumber}";

        using var span = Source.StartBillingCharge("stripe", "billing.refund").SetBillingAmount(overpayment.AmountPence).SetBillingCurrency("GBP").SetBillingDocumentNumber(overpayment.CreditNoteNumber); // clean generated-api
        span.Activity?.SetTag("refund.idempotency_key", idempotencyKey); // leak TC1001 strings
        try
        {
            var refund = await refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = overpayment.PaymentIntentId, Amount = overpayment.AmountPence, Reason = "requested_by_customer", Metadata = new() { ["claim_number"] = overpayment.ClaimNumber } },
                new RequestOptions { IdempotencyKey = idempotencyKey });
            span.SetBillingOutcome(refund.Status ?? "pending"); // clean generated-api
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "idempotency_error")
        {
            // "Keys for idempotent requests can only be used with the same parameters they were first used with.
            //  Try using a key other than 'overpayment:…' if you meant to execute a different request."
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Overpayment refund for claim {ClaimNumber} conflicts with an earlier request ({ErrorType})", overpayment.ClaimNumber, ex.StripeError.Type); // clean exceptions
        }
    }
}

internal static partial class SelfPayLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Issued self-pay invoice {InvoiceNumber} of {Amount} {Currency} to {PatientEmail}")]
    public static partial void InvoiceIssued(ILogger logger, string invoiceNumber, long amount, string currency, [PrivateData] string patientEmail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Stripe rejected the email of patient {HospitalNumber} ({Code})")]
    public static partial void PatientEmailRejected(ILogger logger, string hospitalNumber, string? code);
}
