using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Energy;

// Prepayment: a household's meter holds credit. Top-ups bought in the app or at a shop's payment
// terminal are turned into a 20-digit vend code that the customer keys into their meter (or that the
// head-end sends to a smart meter). Customers who run out can take emergency credit, repaid from the
// next top-up.

public sealed record VendRequest(string MeterSerial, string AccountNumber, decimal Amount, string Channel, string? OutletId);

/// <summary>The code for one top-up of one meter: the customer keys it in, and it adds the credit once.</summary>
public sealed record VendCode(string Code, string TransactionId, decimal Credit, decimal DebtRecovered);

public interface IVendingHeadEnd
{
    Task<VendCode> VendAsync(string meterSerial, decimal amount, CancellationToken cancellationToken);

    Task<decimal> GrantEmergencyCreditAsync(string meterSerial, CancellationToken cancellationToken);
}

public sealed class MeterNotOnSupplyException(string meterSerial)
    : Exception($"Meter {meterSerial} is not on supply with us");

public sealed class HeadEndTimeoutException(TimeSpan waited)
    : Exception($"The vending head-end did not answer within {waited.TotalSeconds:0} s");

public sealed class PrepaymentVendingService(
    IVendingHeadEnd headEnd,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PrepaymentVendingService> logger)
{
    private readonly Counter<long> _emergencyCredit = meter.CreateCounter<long>("prepayment.emergency_credit.granted");

    public async Task<VendCode?> TopUpAsync(VendRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartLendingApplication("prepayment-top-up");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(request.AccountNumber)); // clean precision-pseudonym
        span.SetLendingAmount((double)request.Amount); // clean precision-about
        Activity.Current?.SetTag("prepayment.meter.serial", request.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("prepayment.meter.model", request.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("prepayment.outlet.id", request.OutletId); // clean precision-about

        try
        {
            var vend = await headEnd.VendAsync(request.MeterSerial, request.Amount, cancellationToken);
            logger.LogInformation("Vend code {VendCode} issued for transaction {TransactionId}", vend.Code, vend.TransactionId); // leak TC1001 direct
            logger.LogInformation("Vend of {Credit} ({Digits}-digit code), {DebtRecovered} recovered", vend.Credit, vend.Code.Length, vend.DebtRecovered); // clean precision-about
            meter.CreateAccountTopupAmountHistogram().Record((double)request.Amount, accountKind: "prepayment-meter", accountChannel: request.Channel); // clean generated-api
            return vend;
        }
        catch (MeterNotOnSupplyException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return null;
        }
        catch (HeadEndTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw;
        }
    }

    public async Task<decimal> EmergencyCreditAsync(string meterSerial, string accountNumber, CancellationToken cancellationToken)
    {
        var granted = await headEnd.GrantEmergencyCreditAsync(meterSerial, cancellationToken);
        _emergencyCredit.Add(1, new KeyValuePair<string, object?>("prepayment.meter.serial", meterSerial)); // leak TC1003 direct
        _emergencyCredit.Add(1, new KeyValuePair<string, object?>("prepayment.account", pseudonymizer.ComputeLendingBorrowerId(accountNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Emergency credit of {Amount} granted to account {AccountNumber}", granted, accountNumber); // leak TC1001 direct
        return granted;
    }
}
