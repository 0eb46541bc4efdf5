using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Gaming;

/// <summary>Screens lobby and whisper messages: spam fingerprints, blocked words and mentions.</summary>
public sealed class LobbyChatModerator(ILogger<LobbyChatModerator> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly Regex Mentions = new(@"@([A-Za-z0-9_]{3,16})", RegexOptions.Compiled);
    private static readonly string[] Blocked = ["cheater", "trash", "uninstall"];

    public string Screen(string channel, string playerId, string body)
    {
        var activity = Activity.Current;
        activity?.SetTag("chat.spam.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]); // leak TC1002 hashes
        activity?.SetTag("chat.spam.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(body))[0] % 32); // clean hashes

        var mentions = Mentions.Matches(body).Select(m => m.Groups[1].Value).ToList();
        if (mentions.Count > 0)
        {
            logger.LogDebug("{MentionCount} mentions in {Channel}", mentions.Count, channel); // clean precision-about
            logger.LogDebug("Mentions in {Channel}: {Mentioned}", channel, mentions); // leak TC1001 logging-objects
        }

        var hits = Blocked.Count(b => body.Contains(b, StringComparison.OrdinalIgnoreCase));
        if (hits == 0)
        {
            return body;
        }

        if (hits > 1)
        {
            logger.LogRealtimeMessageModeratedEvent("blocked", channel, pseudonymizer.PseudonymizeRealtimeParticipantId(playerId), body); // leak TC1001 generated-api
            return "[message removed]";
        }

        logger.LogRealtimeMessageModeratedEvent("masked", channel, pseudonymizer.PseudonymizeRealtimeParticipantId(playerId), $"{hits} blocked word"); // clean generated-api
        return Blocked.Aggregate(body, (text, word) => text.Replace(word, "***", StringComparison.OrdinalIgnoreCase));
    }
}
