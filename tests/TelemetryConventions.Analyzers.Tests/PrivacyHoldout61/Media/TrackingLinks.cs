using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Media;

/// <summary>The key unsubscribe links are signed with (from the secret store, rotated yearly).</summary>
public sealed record LinkSigningKey(byte[] Key);

/// <summary>Click-tracking, open-tracking and unsubscribe links of the subscriber emails.</summary>
public sealed class TrackingLinks(Pseudonymizer pseudonymizer, ILogger<TrackingLinks> logger, LinkSigningKey signing)
{
    private const string ClickBase = "https://go.streamly.example/c";

    public string Click(string campaignId, Subscriber subscriber, Title title)
    {
        var query = new StringBuilder("?");
        query.Append("c=").Append(Uri.EscapeDataString(campaignId));
        query.Append("&t=").Append(title.TitleId);
        query.Append("&s=").Append(subscriber.SubscriberId.ToString("N"));
        var url = ClickBase + query;
        Activity.Current?.SetTag("mailer.link.click", url); // leak TC1001 strings
        Activity.Current?.SetTag("mailer.link.click_base", url[..url.IndexOf('?')]); // clean precision-names
        Activity.Current?.SetTag("mailer.link.params", query.ToString().Split('&').Length); // clean precision-about

        var reference = pseudonymizer.ComputeMailerSubscriberId(subscriber.SubscriberId.ToString());
        var tracked = $"{ClickBase}?c={Uri.EscapeDataString(campaignId)}&t={title.TitleId}&r={reference}";
        Activity.Current?.SetTag("mailer.link.tracked", tracked); // clean precision-pseudonym
        return tracked;
    }

    public Uri Unsubscribe(Subscriber subscriber, DateTimeOffset expires)
    {
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes($"{subscriber.SubscriberId:N}.{expiry}");
        var signature = Convert.ToBase64String(HMACSHA256.HashData(signing.Key, payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var uri = new Uri($"https://streamly.example/unsubscribe?s={subscriber.SubscriberId:N}&e={expiry}&sig={signature}");
        logger.LogDebug("Unsubscribe link {Uri}", uri); // leak TC1001 strings
        logger.LogDebug("Unsubscribe link signed, signature {Signature}", signature); // clean hashes

        var legacyToken = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(subscriber.Email.Trim().ToLowerInvariant())));
        logger.LogDebug("Legacy unsubscribe token {Token}", legacyToken); // leak TC1002 hashes
        return uri;
    }

    public string OpenPixel(string campaignId, Subscriber subscriber)
    {
        var emailHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(subscriber.Email.Trim().ToLowerInvariant()))).ToLowerInvariant();
        var pixel = string.Concat("https://px.streamly.example/o.gif?c=", campaignId, "&e=", emailHash);
        Activity.Current?.SetTag("mailer.link.pixel", pixel); // leak TC1002 hashes
        return pixel;
    }
}
