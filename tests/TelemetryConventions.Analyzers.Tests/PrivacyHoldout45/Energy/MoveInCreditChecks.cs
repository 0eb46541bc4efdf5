using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Bureau;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Energy;

// A new occupier moving into a property we supply opens a credit account. A soft search decides
// whether they can pay in arrears by direct debit, need a security deposit, or are offered a
// prepayment meter instead.

public sealed record MoveInRequest(string Mpan, string GivenName, string FamilyName, DateOnly DateOfBirth, BureauAddress SupplyAddress, DateOnly MoveInDate);

public sealed record MoveInDecision(string Mpan, string PaymentMethod, decimal Deposit);

public sealed class MoveInCreditCheckHandler(ICreditBureauClient bureau, ActivitySource source, ILogger<MoveInCreditCheckHandler> logger)
{
    private string? _consumerId;

    public async Task<MoveInDecision> HandleAsync(MoveInRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartAccountVerification("energy-credit");
        span.SetAccountNote($"move-in of {request.GivenName} {request.FamilyName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("supply.mpan", request.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("supply.postcode", request.SupplyAddress.Postcode); // leak TC1001 direct
        logger.LogInformation("Move-in on {MoveInDate} at {Address}", request.MoveInDate, request.SupplyAddress); // leak TC1001 logging-objects

        var report = await bureau.SearchAsync(new CreditSearchRequest(request.GivenName, request.FamilyName, request.DateOfBirth, request.SupplyAddress, SearchType.Soft, "utility-account"), cancellationToken);
        _consumerId = report.ConsumerId;
        if (report.ConsumerId is null)
        {
            span.AddAccountDocumentRejectedEvent("no bureau match"); // clean generated-api
        }

        // Switching sites send the same move-in twice; the key spots the repeat.
        var repeatKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Mpan}:{request.MoveInDate:yyyyMMdd}")));
        Activity.Current?.SetTag("supply.move_in.repeat_key", repeatKey); // leak TC1002 hashes

        var decision = report.Score switch
        {
            >= 650 => new MoveInDecision(request.Mpan, "direct-debit", 0m),
            >= 500 => new MoveInDecision(request.Mpan, "direct-debit", 150m),
            _ => new MoveInDecision(request.Mpan, "prepayment", 0m),
        };
        span.SetAccountCheckResult(decision.Deposit > 0 ? AccountCheckResult.Consider : AccountCheckResult.Clear);
        logger.LogInformation("Move-in decision {PaymentMethod}, deposit {Deposit}", decision.PaymentMethod, decision.Deposit); // clean precision-about
        LogMatch();
        return decision;
    }

    private void LogMatch() =>
        logger.LogDebug("Bureau consumer {ConsumerId} matched", _consumerId); // leak TC1001 cross-member
}
