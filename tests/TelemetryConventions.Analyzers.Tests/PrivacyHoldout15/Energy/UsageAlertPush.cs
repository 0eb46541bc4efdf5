using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support.Firebase;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Energy;

public sealed record AppInstallation(string AccountNumber, string RegistrationToken, string Platform, string AppVersion, DateTimeOffset LastSeen);

public sealed record UsageSpike(string MeterSerial, string AccountNumber, double KilowattHours, double BaselineKilowattHours, DateTimeOffset At);

public interface IInstallationStore
{
    Task<IReadOnlyList<AppInstallation>> ForAccountAsync(string accountNumber, CancellationToken cancellationToken);

    Task RemoveAsync(string registrationToken, CancellationToken cancellationToken);
}

/// <summary>Pushes a high-usage alert to the customer's app installations.</summary>
public sealed class UsageAlertPusher(
    FirebaseMessaging messaging,
    IInstallationStore installations,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<UsageAlertPusher> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Grid.Usage.Alerts");
    private readonly Counter<long> _pushes = meter.CreateCounter<long>("usage.alert.pushes", "{push}");

    public async Task PushAsync(UsageSpike spike, CancellationToken cancellationToken)
    {
        using var send = Source.StartNotifySend(NotifyChannel.Push).SetNotifyRecipientId(pseudonymizer.PseudonymizeNotifyRecipientId(spike.AccountNumber)); // clean precision-pseudonym
        send.Activity?.SetTag("usage.meter", spike.MeterSerial); // leak TC1001 direct
        send.Activity?.SetTag("usage.ratio", Math.Round(spike.KilowattHours / spike.BaselineKilowattHours, 1)); // clean precision-about

        var targets = await installations.ForAccountAsync(spike.AccountNumber, cancellationToken);
        send.SetNotifyRecipientCount(targets.Count);
        if (targets.Count == 0)
        {
            logger.LogInformation("No app installed for account {AccountNumber}; usage alert not pushed", spike.AccountNumber); // leak TC1001 direct
            return;
        }

        var message = new MulticastMessage
        {
            Tokens = targets.Select(t => t.RegistrationToken).ToList(),
            Notification = new Notification { Title = "Unusually high usage", Body = $"You used {spike.KilowattHours:0.0} kWh in the last hour." },
            Data = new Dictionary<string, string> { ["screen"] = "usage", ["at"] = spike.At.ToString("O") },
        };
        var result = await messaging.SendEachForMulticastAsync(message, cancellationToken);
        send.SetNotifyStatus($"{result.SuccessCount}/{targets.Count}"); // clean precision-about
        _pushes.Add(result.SuccessCount, new KeyValuePair<string, object?>("outcome", "sent"), new KeyValuePair<string, object?>("platform", targets[0].Platform)); // clean precision-names

        for (var i = 0; i < result.Responses.Count; i++)
        {
            var response = result.Responses[i];
            if (response.IsSuccess)
            {
                continue;
            }

            var token = message.Tokens[i];
            if (response.Exception?.MessagingErrorCode is MessagingErrorCode.Unregistered or MessagingErrorCode.SenderIdMismatch)
            {
                await installations.RemoveAsync(token, cancellationToken);
                logger.LogInformation("Removed stale registration token {Token} ({Platform})", token, targets[i].Platform); // leak TC1001 direct
                logger.LogInformation("Removed stale installation {Installation}", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(token)))); // leak TC1002 hashes
            }
            else
            {
                var tokenShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(token))[0] % 32;
                logger.LogWarning("Push failed with {ErrorCode} for installation shard {Shard}", response.Exception?.MessagingErrorCode, tokenShard); // clean hashes
                send.AddNotifyDeliveryFailedEvent(NotifyChannel.Push, response.Exception?.MessagingErrorCode?.ToString()); // clean exceptions
            }
        }
    }

    public async Task SubscribeToOutageTopicAsync(string accountNumber, string region, CancellationToken cancellationToken)
    {
        var targets = await installations.ForAccountAsync(accountNumber, cancellationToken);
        var topic = $"outages-{region}";
        var result = await messaging.SubscribeToTopicAsync(targets.Select(t => t.RegistrationToken).ToList(), topic);
        logger.LogInformation("Subscribed {Count} installations to {Topic}, {Failures} failed", result.SuccessCount, topic, result.FailureCount); // clean precision-names
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Topic subscription failed for {Installation}: {Reason}", targets[error.Index], error.Reason); // leak TC1001 logging-objects
        }
    }
}
