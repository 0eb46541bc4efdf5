using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Refit;
using TelemetryConventions;

namespace PrivacyHoldout53.Energy;

/// <summary>The data hub's REST API for half-hourly consumption of a supply point.</summary>
public interface IConsumptionDataHubApi
{
    [Get("/v2/supply-points/{mpan}/consumption")]
    Task<ConsumptionSeries> GetConsumptionAsync(string mpan, [Query] string from, [Query] string to, [Header("X-Meter-Serial")] string meterSerial, CancellationToken cancellationToken);

    [Get("/v2/gsp-groups/{gspGroup}/profiles")]
    Task<List<ProfileCoefficient>> GetProfilesAsync(string gspGroup, [Query] string settlementDate, CancellationToken cancellationToken);
}

public sealed record ConsumptionSeries(string Mpan, string MeterSerial, List<HalfHourRead> Reads, string Quality);

public sealed record HalfHourRead(DateTimeOffset PeriodStart, decimal Kwh, string Flag);

public sealed record ProfileCoefficient(int ProfileClass, int Period, decimal Coefficient);

public sealed class ShardingOptions
{
    public byte[] ShardKey { get; set; } = [];
}

public static class DataHubApiRegistration
{
    public static IServiceCollection AddConsumptionDataHub(this IServiceCollection services, ILogger logger, Meter meter)
    {
        services.AddRefitClient<IConsumptionDataHubApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.datahub.example"))
            .AddResilienceHandler("data-hub-consumption", pipeline =>
            {
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.3,
                    BreakDuration = TimeSpan.FromMinutes(1),
                    OnOpened = args =>
                    {
                        var last = args.Outcome.Result?.RequestMessage;
                        logger.LogError("Data hub circuit opened for {Break}; last call {Method} {Uri} returned {Status}", args.BreakDuration, last?.Method, last?.RequestUri, (int?)args.Outcome.Result?.StatusCode); // leak TC1001 cross-member
                        logger.LogError("Data hub circuit opened for {Break}; last call returned {Status}", args.BreakDuration, (int?)args.Outcome.Result?.StatusCode); // clean direct
                        meter.CreatePartnerCircuitTransitionsCounter().Add(1, "data-hub", "open"); // clean direct
                        return default;
                    },
                    OnHalfOpened = args =>
                    {
                        logger.LogInformation("Data hub circuit half-open, probing with {Operation}", args.Context.OperationKey);
                        return default;
                    },
                });
            });
        return services;
    }
}

/// <summary>Fetches a customer's consumption for billing and the smart-usage graphs.</summary>
public sealed class ConsumptionFetcher(IConsumptionDataHubApi hub, ILogger<ConsumptionFetcher> logger, Pseudonymizer pseudonymizer, Meter meter, IOptions<ShardingOptions> sharding)
{
    private static readonly ActivitySource Source = new("Supplier.Integration.DataHub");
    private readonly Counter<long> _fetches = meter.CreateCounter<long>("datahub.consumption.fetches");

    public async Task<ConsumptionSeries?> FetchAsync(string mpan, string meterSerial, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        using var span = Source.StartPartnerCall("data-hub", "get-consumption")
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(mpan)) // clean precision-pseudonym
            .SetPartnerResource("/v2/supply-points/{mpan}/consumption"); // clean precision-names
        span.SetPartnerNote($"mpan {mpan} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"); // leak TC1001 generated-api

        try
        {
            var series = await hub.GetConsumptionAsync(mpan, from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"), meterSerial, cancellationToken);
            var missing = series.Reads.Count(r => r.Flag == "M");
            if (series.Reads.Count == 0)
            {
                logger.LogWarning($"No reads for {mpan} between {from} and {to}"); // leak TC1001 strings
                logger.LogPartnerCallRejectedEvent("data-hub", 200, "no-reads", partnerResource: $"supply-points/{mpan}"); // leak TC1001 generated-api
            }

            logger.LogInformation("Fetched {Reads} reads ({Missing} missing), quality {Quality}", series.Reads.Count, missing, series.Quality); // clean precision-about
            logger.LogDebug("Consumption for {Series}", series); // leak TC1001 logging-objects
            _fetches.Add(1, new KeyValuePair<string, object?>("distributor", mpan[..2]), new KeyValuePair<string, object?>("quality", series.Quality)); // clean precision-about
            _fetches.Add(1, new KeyValuePair<string, object?>("meter", series.MeterSerial)); // leak TC1003 cross-member
            return series;
        }
        catch (ApiException ex)
        {
            logger.LogWarning(ex, "Consumption call failed with {Status}", (int)ex.StatusCode); // clean exceptions
            logger.LogWarning("Consumption call {Method} {Uri} failed: {Body}", ex.HttpMethod, ex.Uri, ex.Content); // leak TC1001 exceptions
            span.SetPartnerStatusCode((int)ex.StatusCode).SetPartnerErrorCode(ex.ReasonPhrase ?? "error"); // clean exceptions
            return null;
        }
        catch (BrokenCircuitException ex)
        {
            logger.LogWarning(ex, "Data hub circuit open, consumption for {Account} deferred", pseudonymizer.PseudonymizePartnerSubjectId(mpan)); // clean precision-pseudonym
            meter.CreatePartnerCallDurationHistogram().Record(0, "data-hub", "get-consumption", 0, "circuit-open", pseudonymizer.PseudonymizePartnerSubjectId(mpan)); // leak TC1003 precision-pseudonym
            return null;
        }
    }

    /// <summary>Spreads the nightly fetches over eight workers.</summary>
    public int WorkerFor(string mpan)
    {
        var legacyBucket = MD5.HashData(Encoding.UTF8.GetBytes(mpan))[0] % 8;
        using var hmac = new HMACSHA256(sharding.Value.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(mpan))[0] % 8;
        Activity.Current?.SetTag("datahub.worker.legacy", legacyBucket); // leak TC1002 hashes
        Activity.Current?.SetTag("datahub.worker", shard); // clean hashes
        logger.LogDebug("Supply point {MpanHash} assigned to worker {Worker}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(mpan))), shard); // leak TC1002 hashes
        return shard;
    }
}
