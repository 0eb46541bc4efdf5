using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Redis;

namespace PrivacyHoldout31.Transport;

public sealed record Tap(string CardNumber, string StopId, string ReaderId, long ReaderSequence, DateTimeOffset At);

/// <summary>
/// Gate readers resend a tap until it is acknowledged. New readers send a sequence number, so their taps
/// are deduplicated by reader and sequence; old readers do not, and theirs by card, stop and minute.
/// </summary>
public sealed class TapDeduplicator(IDatabase redis, TelemetrySecrets secrets, Meter meter, ILogger<TapDeduplicator> logger)
{
    private readonly Counter<long> _duplicates = meter.CreateCounter<long>("gates.tap.duplicates");

    public async Task<bool> IsFirstAsync(Tap tap)
    {
        if (tap.ReaderSequence > 0)
        {
            var readerKey = $"tap:{tap.ReaderId}:{tap.ReaderSequence}";
            var first = await redis.StringSetAsync(readerKey, "1", TimeSpan.FromMinutes(5), When.NotExists);
            if (!first)
            {
                logger.LogDebug("Repeated tap {DedupeKey}", readerKey); // clean strings
                _duplicates.Add(1, new KeyValuePair<string, object?>("reader.generation", "sequenced"));
            }

            return first;
        }

        // Legacy readers. Revenue protection joins duplicates across gates on this fingerprint.
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{tap.CardNumber}|{tap.StopId}|{tap.At:yyyyMMddHHmm}")));
        var isFirst = await redis.StringSetAsync($"tap:legacy:{fingerprint}", tap.ReaderId, TimeSpan.FromMinutes(2), When.NotExists);
        if (!isFirst)
        {
            logger.LogDebug("Repeated legacy tap {Fingerprint} at stop {StopId}", fingerprint, tap.StopId); // leak TC1002 hashes
            _duplicates.Add(1, new KeyValuePair<string, object?>("reader.generation", "legacy"), new("stop", tap.StopId));
        }

        return isFirst;
    }

    /// <summary>The keyed variant the new gate firmware will switch to.</summary>
    public string KeyedFingerprint(Tap tap)
    {
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes($"{tap.CardNumber}|{tap.StopId}|{tap.At:yyyyMMddHHmm}")))[..20];
        logger.LogTrace("Keyed tap fingerprint {Fingerprint}", keyed); // clean hashes
        return keyed;
    }
}
