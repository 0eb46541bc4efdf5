using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout58.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout58.Energy;

public sealed record CustomerReadForm(string AccountNumber, string Mpan, decimal Register, DateTimeOffset ReadAt);

public sealed record ReadReceipt(Guid ReceiptId, string Mpan, decimal Register);

/// <summary>
/// Reads customers submit in the app. Failures are reported to Sentry, where the metering team
/// triages them; the app gets the rejection code.
/// </summary>
public sealed class CustomerReadIntake(
    ISupplyPointDirectory directory,
    ITariffCatalogue tariffs,
    IReadOnlyDictionary<string, MeterRead> lastAcceptedByMpan,
    IHub sentry,
    Pseudonymizer pseudonymizer,
    ILogger<CustomerReadIntake> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.CustomerReads");

    public async Task<(string? Code, ReadReceipt? Receipt)> HandleAsync(CustomerReadForm form, CancellationToken cancellationToken)
    {
        sentry.ConfigureScope(scope => scope.User = new SentryUser { Id = form.AccountNumber }); // leak TC1001 direct
        try
        {
            return (null, await SubmitAsync(form, cancellationToken));
        }
        catch (ReadRejectedException ex)
        {
            logger.LogWarning("Customer read rejected: {Reason}", ex.Message); // clean exceptions
            logger.LogWarning(ex, "Customer read rejected with {Code}", ex.Code); // leak TC1001 exceptions
            sentry.CaptureException(ex, scope => scope.SetTag("rejection.code", ex.Code)); // leak TC1001 exceptions
            return (ex.Code, null);
        }
    }

    private async Task<ReadReceipt> SubmitAsync(CustomerReadForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartMeteringReadIngest(pseudonymizer.PseudonymizeMeteringAccountId(form.AccountNumber.Trim()), MeteringReadSource.Customer); // clean precision-pseudonym
        sentry.AddBreadcrumb($"customer read of {form.Register} at {form.ReadAt:O}", "metering"); // clean precision-about

        try
        {
            _ = long.Parse(form.AccountNumber, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            span.SetMeteringErrorCode("READ-BAD-ACCOUNT").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Account number not numeric: {Length} characters, {Digits} digits", form.AccountNumber.Length, form.AccountNumber.Count(char.IsDigit)); // clean precision-about
            throw new ReadRejectedException("READ-BAD-ACCOUNT", "Check the account number on your bill.");
        }

        SupplyPoint point;
        try
        {
            point = directory.ByMpan[form.Mpan];
        }
        catch (KeyNotFoundException ex)
        {
            span.SetMeteringErrorCode("READ-UNKNOWN-MPAN").SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            sentry.AddBreadcrumb($"no supply point for MPAN {form.Mpan}", "metering"); // leak TC1001 strings
            throw new ReadRejectedException("READ-UNKNOWN-MPAN", "This supply point is not supplied by us.", ex);
        }

        Tariff tariff;
        try
        {
            tariff = tariffs.ByCode[point.TariffCode];
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogError(ex, "Tariff catalogue is missing a live tariff"); // clean exceptions
            span.SetMeteringErrorCode("TARIFF-MISSING").RecordException(ex, includeMessage: true); // clean exceptions
            throw;
        }

        try
        {
            if (lastAcceptedByMpan.TryGetValue(point.Mpan, out var previous) && form.Register < previous.Register)
            {
                throw new ImplausibleReadException(point.Mpan, form.Register, previous.Register);
            }
        }
        catch (ImplausibleReadException ex)
        {
            ex.AddSentryTag("read.source", "customer"); // clean direct
            ex.AddSentryTag("tariff", tariff.Code); // clean direct
            ex.AddSentryTag("meter.serial", point.MeterSerial); // leak TC1001 direct
            ex.Data["drop"] = ex.Previous - ex.Register;
            span.SetMeteringErrorCode("READ-IMPLAUSIBLE").SetMeteringNote($"drop of {ex.Data["drop"]} kWh"); // clean precision-about
            logger.LogWarning("Implausible read; previous {Previous}, now {Register}", ex.Previous, ex.Register); // clean precision-about
            throw new ReadRejectedException("READ-IMPLAUSIBLE", "The reading is lower than your last one.", ex);
        }

        var receipt = new ReadReceipt(Guid.NewGuid(), point.Mpan, form.Register);
        try
        {
            await File.AppendAllTextAsync(Path.Combine("/var/spool/reads", $"{point.AccountNumber}.csv"), $"{receipt.ReceiptId},{form.Register}\n", cancellationToken);
        }
        catch (IOException ex)
        {
            logger.LogError("Spool write failed: {Error} (HResult {HResult:X8})", ex.Message, ex.HResult); // leak TC1001 exceptions
            logger.LogError("Spool write failed: {ErrorType} (HResult {HResult:X8})", ex.GetType().Name, ex.HResult); // clean precision-names
            throw;
        }
        span.Activity?.SetTag("read.receipt", receipt.ReceiptId);
        return receipt;
    }
}
