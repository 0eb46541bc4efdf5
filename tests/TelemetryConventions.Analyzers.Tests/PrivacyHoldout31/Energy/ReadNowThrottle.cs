using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Redis;

namespace PrivacyHoldout31.Energy;

/// <summary>
/// Customers can ask their smart meter for an on-demand read from the app; the head-end allows four a day
/// per meter, counted in Redis.
/// </summary>
public sealed class ReadNowThrottle(IDatabase redis, TelemetrySecrets secrets, Meter meter, ILogger<ReadNowThrottle> logger)
{
    private const int DailyAllowance = 4;
    private readonly Counter<long> _requests = meter.CreateCounter<long>("energy.read_now.requests");

    public async Task<bool> TryAdmitAsync(string meterSerial, string mpan)
    {
        var key = $"readnow:{meterSerial}:{DateTime.UtcNow:yyyyMMdd}";
        var count = await redis.StringIncrementAsync(key);
        if (count == 1)
        {
            await redis.KeyExpireAsync(key, TimeSpan.FromHours(26));
        }

        var model = meterSerial[..3];
        _requests.Add(1, new KeyValuePair<string, object?>("meter.model", model), new("admitted", count <= DailyAllowance)); // clean precision-about
        if (count > DailyAllowance)
        {
            logger.LogInformation("Read-now refused: {Key} at {Count} today", key, count); // leak TC1001 strings
            Activity.Current?.SetTag("read_now.refused_mpan", mpan); // leak TC1001 direct
            Activity.Current?.SetTag("read_now.distributor", mpan[..2]); // clean precision-about
            return false;
        }

        Activity.Current?.SetTag("read_now.remaining", DailyAllowance - count);
        Activity.Current?.SetTag("read_now.shard", ShardOf(meterSerial)); // clean hashes
        Activity.Current?.SetTag("read_now.cohort", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(meterSerial)))[..4]); // leak TC1002 hashes
        return true;
    }

    public async Task ResetAsync(string meterSerial, string agentStaffNumber)
    {
        var key = $"readnow:{meterSerial}:{DateTime.UtcNow:yyyyMMdd}";
        var ttl = await redis.KeyTimeToLiveAsync(key);
        await redis.KeyDeleteAsync(key);
        logger.LogInformation("Read-now allowance reset by agent {Agent} with {Ttl} left", agentStaffNumber, ttl); // leak TC1001 direct
    }

    private int ShardOf(string serial) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(serial))[0] % 32;
}
