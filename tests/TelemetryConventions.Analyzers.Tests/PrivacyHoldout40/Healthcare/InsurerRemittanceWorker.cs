using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Healthcare;

/// <summary>One line of an insurer's remittance: what it paid against one of the hospital's invoices.</summary>
public sealed record RemittanceLine(
    string InvoiceNumber,
    string MembershipNumber,
    string HospitalNumber,
    decimal Invoiced,
    decimal Paid,
    string? AdjustmentCode);

public sealed record Remittance(string RemittanceId, string InsurerCode, DateOnly PaidOn, IReadOnlyList<RemittanceLine> Lines);

public sealed record InvoiceRecord(string InvoiceNumber, string MembershipNumber, string HospitalNumber, string PatientEmail);

public interface IInvoiceLedger
{
    Task<InvoiceRecord?> FindAsync(string invoiceNumber, CancellationToken cancellationToken);

    Task BillShortfallAsync(InvoiceRecord invoice, decimal amount, CancellationToken cancellationToken);
}

public static partial class RemittanceLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Shortfall of {Amount} billed to patient {HospitalNumber} for invoice {InvoiceNumber}")]
    public static partial void ShortfallBilled(ILogger logger, decimal amount, [PrivateData] string hospitalNumber, string invoiceNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Remittance for invoice {InvoiceNumber} names membership {MembershipNumber}; the invoice has {InvoiceMembership}")]
    public static partial void MembershipMismatch(ILogger logger, string invoiceNumber, string membershipNumber, string invoiceMembership);
}

/// <summary>
/// Reads the insurers' remittances from the <c>insurer.remittances</c> topic (keyed by remittance id),
/// matches each line to an invoice, and bills the shortfall to the patient.
/// </summary>
public sealed class InsurerRemittanceWorker(
    IConsumer<string, Remittance> consumer,
    IInvoiceLedger ledger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<InsurerRemittanceWorker> logger) : BackgroundService
{
    private readonly Histogram<double> _shortfall = meter.CreateHistogram<double>("billing.remittance.shortfall", "GBP");
    private readonly Counter<long> _unmatched = meter.CreateCounter<long>("billing.remittance.unmatched", "{line}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("billing.remittance", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
            activity?.SetTag("billing.insurer", result.Message.Value.InsurerCode);
            activity?.SetTag("billing.remittance.lines", result.Message.Value.Lines.Count);

            foreach (var line in result.Message.Value.Lines)
            {
                await SettleAsync(result.Message.Value, line, stoppingToken);
            }

            consumer.Commit(result);
        }
    }

    private async Task SettleAsync(Remittance remittance, RemittanceLine line, CancellationToken cancellationToken)
    {
        using var span = source.StartCoverClaim("pmi", CoverClaimStage.Settlement);
        span.SetCoverClaimId(line.InvoiceNumber); // clean generated-api
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(line.MembershipNumber)); // clean precision-pseudonym

        var invoice = await ledger.FindAsync(line.InvoiceNumber, cancellationToken);
        if (invoice is null)
        {
            _unmatched.Add(1, new KeyValuePair<string, object?>("insurer", remittance.InsurerCode));
            logger.LogWarning("Remittance {RemittanceId} pays unknown invoice {InvoiceNumber}", remittance.RemittanceId, line.InvoiceNumber); // clean direct
            return;
        }

        if (!string.Equals(invoice.MembershipNumber, line.MembershipNumber, StringComparison.OrdinalIgnoreCase))
        {
            RemittanceLog.MembershipMismatch(logger, line.InvoiceNumber, line.MembershipNumber, invoice.MembershipNumber); // leak TC1001 cross-member
            span.SetCoverNote($"membership mismatch on {line.InvoiceNumber}"); // clean generated-api
            Activity.Current?.SetTag("billing.member_fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(line.MembershipNumber)))[..12]); // leak TC1002 hashes
        }

        var shortfall = line.Invoiced - line.Paid;
        _shortfall.Record((double)shortfall, new KeyValuePair<string, object?>("insurer", remittance.InsurerCode), new KeyValuePair<string, object?>("adjustment", line.AdjustmentCode)); // clean precision-about
        if (shortfall <= 0)
        {
            meter.CreateCoverPayoutAmountHistogram().Record((double)line.Paid, "pmi", coverOutcome: "paid-in-full");
            return;
        }

        await ledger.BillShortfallAsync(invoice, shortfall, cancellationToken);
        RemittanceLog.ShortfallBilled(logger, shortfall, invoice.HospitalNumber, line.InvoiceNumber); // clean logging-objects
        span.SetCoverNote($"shortfall billed to {invoice.PatientEmail}"); // leak TC1001 generated-api
        meter.CreateCoverPayoutAmountHistogram().Record((double)line.Paid, "pmi", coverOutcome: "shortfall:" + line.AdjustmentCode); // clean generated-api
    }
}
