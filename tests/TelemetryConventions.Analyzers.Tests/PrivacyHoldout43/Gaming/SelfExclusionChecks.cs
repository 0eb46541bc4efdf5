using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support.Identity;

namespace PrivacyHoldout43.Gaming;

/// <summary>A query to the national online self-exclusion scheme. A record, so it prints its members.</summary>
public sealed record SelfExclusionQuery(string Email, string MobileNumber, string FamilyName, DateOnly DateOfBirth, string Postcode);

/// <summary>
/// The scheme's answer: <c>Y</c> (excluded), <c>N</c> (not excluded) or <c>P</c> (was excluded, period
/// ended); <c>CorrelationId</c> is the scheme's id of this lookup.
/// </summary>
public sealed record SelfExclusionAnswer(string Status, string CorrelationId);

/// <summary>The scheme's API failure: an HTTP status and the scheme's fixed text for it.</summary>
public sealed class SelfExclusionServiceException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

public interface ISelfExclusionScheme
{
    Task<SelfExclusionAnswer> CheckAsync(SelfExclusionQuery query, CancellationToken cancellationToken);
}

public sealed record PendingRecheck(string CustomerId, DateTimeOffset LastCheckedAt);

public sealed class RegistrationGate(
    ISelfExclusionScheme scheme,
    IIdentityGatewayClient gateway,
    ILogger<RegistrationGate> logger,
    Meter meter,
    TimeProvider clock)
{
    private readonly Counter<long> _checks = meter.CreateCounter<long>("self_exclusion.checks", "{check}");

    public async Task<bool> MayRegisterAsync(string customerId, SelfExclusionQuery query, string gatewayAccessToken, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetBaggage("customer.id", customerId); // leak TC1001 direct

        var user = await gateway.GetUserInfoAsync(gatewayAccessToken, cancellationToken);
        logger.LogInformation("Age verified via gateway for {Subject} at {VectorOfTrust}", user.Sub, user.Vot); // leak TC1001 cross-member

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        activity?.SetTag("registration.over_18", query.DateOfBirth.AddYears(18) <= today); // clean precision-about
        logger.LogDebug("Self-exclusion query {@Query}", query); // leak TC1001 logging-objects
        activity?.SetTag("self_exclusion.lookup", $"{query.FamilyName}/{query.DateOfBirth:yyyy-MM-dd}/{query.Postcode}"); // leak TC1001 strings

        SelfExclusionAnswer answer;
        try
        {
            answer = await scheme.CheckAsync(query, cancellationToken);
        }
        catch (SelfExclusionServiceException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return false;
        }

        activity?.SetTag("self_exclusion.status", answer.Status); // clean cross-member
        activity?.SetTag("self_exclusion.correlation_id", answer.CorrelationId); // clean direct
        _checks.Add(1, new KeyValuePair<string, object?>("status", answer.Status)); // clean precision-about

        if (answer.Status == "Y")
        {
            logger.LogWarning("Registration blocked: {Email} is self-excluded", query.Email); // leak TC1001 direct
            return false;
        }

        return true;
    }

    public void ReportPending(IReadOnlyList<PendingRecheck> pending)
    {
        Activity.Current?.SetTag("self_exclusion.pending_count", pending.Count); // clean precision-about
        logger.LogInformation("Customers pending re-check: {CustomerIds}", string.Join(", ", pending.Select(p => p.CustomerId))); // leak TC1001 logging-objects
        logger.LogInformation("Oldest pending check is {Age} old", clock.GetUtcNow() - pending.Min(p => p.LastCheckedAt)); // clean precision-about
    }
}
