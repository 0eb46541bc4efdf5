using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Devices;
using Plugin.Firebase.CloudMessaging;
using PrivacyCorpus.Shared;
using Sentry;

namespace PrivacyHoldout26.Energy;

public interface IPushApi
{
    Task RegisterAsync(string accountNumber, string token, string platform);
}

/// <summary>Registers the customer's phone for bill and outage pushes.</summary>
public sealed class PushRegistration(
    IFirebaseCloudMessaging messaging,
    IPushApi api,
    IDeviceInfo device,
    ILogger<PushRegistration> logger,
    TelemetrySecrets secrets)
{
    public async Task RegisterAsync(EnergyAccount account)
    {
        await messaging.CheckIfValidAsync();
        var token = await messaging.GetTokenAsync();
        logger.LogInformation("Push token obtained ({Length} characters, ending {Tail})", token.Length, token[^4..]); // clean precision-about
        SentrySdk.ConfigureScope(scope => scope.SetTag("push_token", token)); // leak TC1001 direct

        var tokenDigest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(token)));
        Activity.Current?.SetTag("myenergy.push.token_sha1", tokenDigest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(token))[0] % 16;
        Activity.Current?.SetTag("myenergy.push.shard", shard); // clean hashes

        await api.RegisterAsync(account.AccountNumber, token, device.Platform.ToString());
        messaging.TokenChanged += (_, e) => logger.LogInformation("Push token refreshed to {Token}", e.Token); // leak TC1001 direct
        messaging.NotificationReceived += OnNotificationReceived;
    }

    private void OnNotificationReceived(object? sender, FCMNotificationReceivedEventArgs e)
    {
        logger.LogInformation("Push received: {Title} ({Keys})", e.Notification.Title, string.Join(",", e.Notification.Data.Keys)); // clean precision-names
        if (e.Notification.Data.TryGetValue("accountNumber", out var accountNumber))
        {
            SentrySdk.AddBreadcrumb("bill push received", "push", data: new Dictionary<string, string> { ["account"] = accountNumber }); // leak TC1001 cross-member
        }
    }
}
