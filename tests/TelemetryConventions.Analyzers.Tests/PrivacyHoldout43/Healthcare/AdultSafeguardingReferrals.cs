using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Healthcare;

/// <summary>A referral a member of ward staff raises to the council's multi-agency safeguarding hub.</summary>
public sealed record SafeguardingReferral(
    Guid ReferralId,
    string NhsNumber,
    string PatientFamilyName,
    string ConcernCategory,
    string Concern,
    string ReferrerStaffNumber,
    string ReferrerEmail,
    string Ward,
    bool PatientConsented);

/// <summary>The hub's answer, delivered on the trust's inbound queue.</summary>
public sealed record HubAcknowledgement(string HubReference, Guid ReferralId, string Decision, string? AllocatedSocialWorker);

public sealed class SafeguardingReferralRejectedException(string message) : Exception(message);

public sealed class SafeguardingReferralSender(
    HttpClient hub,
    ILogger<SafeguardingReferralSender> logger,
    Pseudonymizer pseudonymizer)
{
    public async Task<string> SendAsync(SafeguardingReferral referral, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("safeguarding.referral.id", referral.ReferralId); // clean direct
        activity?.SetTag("safeguarding.concern.category", referral.ConcernCategory); // clean precision-about
        activity?.SetTag("safeguarding.referrer", referral.ReferrerStaffNumber); // leak TC1001 direct
        activity?.SetTag("safeguarding.patient_consented", referral.PatientConsented); // clean precision-names

        // Repeat referrals about one patient within 28 days are flagged by the hub's duplicate checker.
        var duplicateKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(referral.NhsNumber)))[..16];
        activity?.SetTag("safeguarding.duplicate_key", duplicateKey); // leak TC1002 hashes

        Baggage.SetBaggage("safeguarding.subject", pseudonymizer.ComputeCaseworkSubjectId(referral.NhsNumber)); // clean precision-pseudonym

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId, ["Ward"] = referral.Ward }); // clean logging-objects
        logger.LogInformation("Sending referral {@Referral} to the hub", referral); // leak TC1001 logging-objects
        logger.LogDebug("Concern text is {Length} characters", referral.Concern.Length); // clean precision-about

        using var response = await hub.PostAsJsonAsync("referrals", referral, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new SafeguardingReferralRejectedException($"Hub rejected referral for NHS number {referral.NhsNumber}: {problem}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("hubReference").GetString() ?? string.Empty;
    }
}

public sealed class SafeguardingReferralController(
    SafeguardingReferralSender sender,
    ILogger<SafeguardingReferralController> logger)
{
    public async Task<string?> RaiseAsync(SafeguardingReferral referral, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(referral, cancellationToken);
        }
        catch (SafeguardingReferralRejectedException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Referral {ReferralId} rejected ({ErrorType})", referral.ReferralId, ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Hub unreachable for referral {ReferralId}", referral.ReferralId); // clean exceptions
            return null;
        }
    }
}

public sealed class HubAcknowledgementConsumer(
    IMessageReceiver receiver,
    ActivitySource source,
    ILogger<HubAcknowledgementConsumer> logger)
{
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        while (await receiver.ReceiveAsync(cancellationToken) is { } message)
        {
            using var activity = source.StartActivity("hub.acknowledgement", ActivityKind.Consumer);
            activity?.SetTag("messaging.message.id", message.MessageId); // clean direct

            var ack = JsonSerializer.Deserialize<HubAcknowledgement>(message.Body)!;
            logger.LogInformation("Hub {HubReference} decided {Decision} on referral {ReferralId}", ack.HubReference, ack.Decision, ack.ReferralId); // clean cross-member
            activity?.SetTag("safeguarding.social_worker", ack.AllocatedSocialWorker); // leak TC1001 cross-member

            await receiver.CompleteAsync(message, cancellationToken);
        }
    }
}
