using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Retail;

public sealed record DeliveryRun(string RunId, string OrderNumber, string CustomerNumber, string CustomerPhone, string DriverStaffNumber, string DriverPhone, string Depot);

public static class MaskingLog
{
    public static void SessionOpened(this ILogger logger, string runId, string customerPhone, string proxyNumber)
    {
        logger.LogInformation("Masked session for run {RunId}: customer {CustomerPhone} reachable on {Proxy}", runId, customerPhone, proxyNumber); // leak TC1001 direct
    }
}

/// <summary>
/// Number masking between home-delivery drivers and customers: each run gets a session, and both
/// parties call or text a number from the shop's pool instead of each other's real number.
/// </summary>
public sealed class DeliveryCallMasking(IProxyApi proxy, Pseudonymizer pseudonymizer, ILogger<DeliveryCallMasking> logger)
{
    private static readonly ActivitySource Source = new("Shop.Delivery.Masking");
    private static readonly Meter Meter = new("Shop.Delivery.Masking");
    private static readonly Counter<long> Sessions = Meter.CreateCounter<long>("masking.sessions");

    public async Task<ProxySession> OpenAsync(DeliveryRun run, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("masking.open");
        var session = await proxy.CreateSessionAsync($"run-{run.RunId}", TimeSpan.FromHours(10), cancellationToken);
        activity?.SetTag("masking.session.sid", session.Sid);
        activity?.SetTag("masking.session.name", session.UniqueName); // clean strings

        ProxyParticipant customer;
        try
        {
            customer = await proxy.AddParticipantAsync(session.Sid, run.CustomerPhone, $"Customer {run.OrderNumber}", cancellationToken);
        }
        catch (ApiException ex) when (ex.Code == 80103)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("masking.error.code", ex.Code); // clean exceptions
            await proxy.CloseSessionAsync(session.Sid, cancellationToken);
            throw new InvalidOperationException($"Run {run.RunId} could not be masked.");
        }
        var driver = await proxy.AddParticipantAsync(session.Sid, run.DriverPhone, $"Driver {run.DriverStaffNumber}", cancellationToken);

        activity?.SetTag("masking.customer.proxy", customer.ProxyIdentifier); // clean precision-names
        activity?.SetTag("masking.customer.number", customer.Identifier); // leak TC1001 direct
        activity?.SetTag("masking.driver.participant", driver.FriendlyName); // leak TC1001 strings
        activity?.SetTag("masking.customer.participant", customer.FriendlyName); // clean strings
        logger.SessionOpened(run.RunId, run.CustomerPhone, customer.ProxyIdentifier); // leak TC1001 cross-member

        Sessions.Add(1, new KeyValuePair<string, object?>("delivery.depot", run.Depot)); // clean precision-about
        Sessions.Add(1, new KeyValuePair<string, object?>("delivery.customer", pseudonymizer.ComputeCallCallerId(run.CustomerNumber))); // leak TC1003 precision-pseudonym
        logger.LogDebug("Opened masking session {Session}", session); // clean logging-objects
        logger.LogDebug("Driver participant {Participant}", driver); // leak TC1001 logging-objects
        return session;
    }

    public async Task CloseAsync(ProxySession session, DeliveryRun run, CancellationToken cancellationToken)
    {
        await proxy.CloseSessionAsync(session.Sid, cancellationToken);
        logger.LogInformation("Closed masking session {SessionSid} for run {RunId} at {Depot}", session.Sid, run.RunId, run.Depot); // clean direct
        Activity.Current?.SetTag("masking.driver", pseudonymizer.ComputeCallCallerId(run.DriverStaffNumber)); // clean precision-pseudonym
    }
}
