using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;

namespace PrivacyHoldout37.Gaming;

public sealed record ChargebackCase(string CaseId, Guid PlayerId, string DisputeReason, decimal Amount, string Currency);

public sealed class OutreachNotAllowedException(string message) : Exception(message);

/// <summary>
/// The payments team's outbound dialler: before contesting a chargeback, it calls the player to
/// check the purchase was theirs. The call runs the outreach TwiML, which reads the case.
/// </summary>
public sealed class ChargebackOutreachDialler(
    IPlayerAccounts players,
    IVoiceApi voice,
    ILogger<ChargebackOutreachDialler> logger)
{
    private const string OutboundLine = "+441632960555";
    private static readonly ActivitySource Source = new("Arcadia.Payments.Outreach");
    private static readonly Meter Meter = new("Arcadia.Payments.Outreach");
    private static readonly Counter<long> Dialled = Meter.CreateCounter<long>("outreach.calls");

    public async Task DialAsync(ChargebackCase chargeback, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outreach.dial");
        activity?.SetTag("chargeback.case", chargeback.CaseId); // clean direct
        activity?.SetTag("chargeback.reason", chargeback.DisputeReason);
        activity?.SetTag("chargeback.amount", chargeback.Amount);

        var player = await players.FindAsync(chargeback.PlayerId, cancellationToken);
        try
        {
            if (player?.RecoveryPhone is null)
            {
                throw new OutreachNotAllowedException($"Player {chargeback.PlayerId} has no phone number on file for case {chargeback.CaseId}.");
            }

            var twimlUrl = new Uri($"https://payments.arcadia.example/voice/outreach?case={chargeback.CaseId}&player={chargeback.PlayerId}");
            activity?.SetTag("outreach.twiml_url", twimlUrl.ToString()); // leak TC1001 strings
            var call = await voice.CreateCallAsync(player.RecoveryPhone, OutboundLine, twimlUrl, new Uri("https://payments.arcadia.example/voice/outreach/status"), cancellationToken);
            activity?.SetTag("outreach.call.sid", call.Sid);
            activity?.SetTag("outreach.call.status", call.Status);
            Dialled.Add(1, new KeyValuePair<string, object?>("outreach.status", call.Status), new KeyValuePair<string, object?>("outreach.currency", chargeback.Currency)); // clean precision-about
            logger.LogInformation("Outreach call {CallSid} placed for case {Case} to {To}", call.Sid, chargeback.CaseId, call.To); // leak TC1001 direct
        }
        catch (OutreachNotAllowedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Case {Case} skipped: {Reason}", chargeback.CaseId, ex.GetType().Name); // clean exceptions
        }
        catch (ApiException ex) when (ex.Code is 21215 or 13224)
        {
            logger.LogWarning(ex, "Outreach call for case {Case} refused by the provider", chargeback.CaseId); // leak TC1001 exceptions
            Dialled.Add(1, new KeyValuePair<string, object?>("outreach.status", "refused"), new KeyValuePair<string, object?>("outreach.error", ex.Code)); // clean exceptions
        }
    }

    /// <summary>The TwiML the outreach call runs when the player answers.</summary>
    public async Task<string> OutreachTwimlAsync(string caseId, Guid playerId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var player = await players.FindAsync(playerId, cancellationToken);
        var twiml = new VoiceResponse()
            .Say($"Hello, this is Arcadia payments calling about a disputed purchase of {amount:0.00} {currency.ToUpperInvariant()} on the account {player?.Gamertag}.")
            .Gather($"/voice/outreach/answer?case={caseId}", numDigits: 1, prompt: "If you made this purchase, press 1. If you did not, press 2.")
            .ToString();
        Activity.Current?.SetTag("outreach.twiml.verbs", 2);
        logger.LogDebug("Outreach TwiML for case {Case}: {Twiml}", caseId, twiml); // leak TC1001 strings
        return twiml;
    }
}
