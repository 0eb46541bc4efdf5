using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Energy;

public sealed record HostStatementLine(string BookingId, double EnergyKwh, decimal DriverPaid, decimal HostShare);

public sealed record HostPayee(Guid HostId, string Iban, string AccountHolder, string Email);

public sealed record RefundClaim(string DisputeId, string BookingId, Guid DriverId, string DriverEmail, string Complaint, decimal Amount);

public static class EarningsTags
{
    public static Activity? WithHost(this Activity? activity, string hostEmail) =>
        activity?.SetTag("charging.host.email", hostEmail); // leak TC1001 direct

    public static Activity? WithStatement(this Activity? activity, IReadOnlyCollection<HostStatementLine> lines) =>
        activity?.SetTag("charging.statement.lines", lines.Count); // clean precision-about
}

public sealed class HostEarningsService(IConnectPayments payments, ILogger<HostEarningsService> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Marketplace.Charging.Earnings");

    public async Task SettleAsync(HostPayee payee, IReadOnlyList<HostStatementLine> lines, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("charging.host.settle");
        activity.WithHost(payee.Email); // leak TC1001 cross-member
        activity.WithStatement(lines); // clean precision-about
        activity?.SetTag("charging.payee.iban_last4", payee.Iban[^4..]); // clean precision-about
        activity?.SetTag("charging.payee.holder", payee.AccountHolder); // leak TC1001 cross-member
        activity?.SetTag("charging.payee.bucket", payee.Iban.GetHashCode() % 16); // leak TC1002 hashes

        var total = lines.Sum(l => l.HostShare);
        logger.LogInformation("Settling {Total} for {Lines} sessions to {Iban}", total, lines.Count, payee.Iban); // leak TC1001 direct
        logger.LogInformation("Settling {Total} for host {Host}", total, pseudonymizer.ComputeMarketPartyId(payee.HostId.ToString())); // clean precision-pseudonym
        await Task.CompletedTask;
    }

    public async Task RefundAsync(RefundClaim claim, string paymentIntentId, CancellationToken cancellationToken)
    {
        using var span = Source.StartMarketBooking("charging");
        span.SetMarketBookingId(claim.BookingId); // clean generated-api
        span.AddMarketDisputeOpenedEvent(claim.Complaint); // leak TC1001 generated-api
        span.SetMarketNote($"dispute {claim.DisputeId} for {claim.Amount:0.00}"); // clean generated-api
        logger.LogMarketDisputeOpenedEvent($"refund requested by {claim.DriverEmail}", marketBookingId: claim.BookingId); // leak TC1001 generated-api

        var refund = await payments.CreateRefundAsync(paymentIntentId, (long)(claim.Amount * 100), "requested_by_customer", cancellationToken);
        logger.LogInformation("Refund {RefundId} for dispute {DisputeId}: {Status}", refund.Id, claim.DisputeId, refund.Status); // clean precision-about

        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var driverKey = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(claim.DriverId.ToString())));
        logger.LogDebug("Refund for driver key {DriverKey}", driverKey); // clean hashes
        var driverTag = Convert.ToBase64String(Encoding.UTF8.GetBytes(claim.DriverEmail));
        logger.LogDebug("Refund for driver tag {DriverTag}", driverTag); // leak TC1001 hashes
    }
}
