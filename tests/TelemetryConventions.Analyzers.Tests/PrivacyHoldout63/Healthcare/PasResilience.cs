using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Healthcare;

/// <summary>Keys of the values the PAS client puts in each call's resilience context.</summary>
public static class PasContextKeys
{
    public static readonly ResiliencePropertyKey<string> HospitalNumber = new("pas.hospital-number");

    public static readonly ResiliencePropertyKey<Pseudonym> PatientRef = new("pas.patient-ref");

    public static readonly ResiliencePropertyKey<string> Ward = new("pas.ward");

    /// <summary>The staff number of the clinician whose screen asked for the record.</summary>
    public static readonly ResiliencePropertyKey<string> RequestedBy = new("pas.requested-by");
}

/// <summary>The PAS answers 423 when a record is open for editing; the client turns it into this.</summary>
public sealed class PatientRecordLockedException(string hospitalNumber, string lockedByStaffNumber)
    : Exception($"Record {hospitalNumber} is locked by {lockedByStaffNumber}")
{
    public string HospitalNumber { get; } = hospitalNumber;
}

/// <summary>Any 5xx from the PAS: names the host and the status only.</summary>
public sealed class PasUnavailableException(string host, HttpStatusCode status)
    : Exception($"PAS at {host} answered {(int)status}")
{
    public HttpStatusCode Status { get; } = status;
}

public sealed record PatientSummary(string HospitalNumber, string FamilyName, string Ward, DateOnly? AdmittedOn);

public sealed record WardCensus(string Ward, int Occupied, int Beds);

public static class PasResiliencePipelines
{
    public const string Demographics = "pas-demographics";
    public const string Census = "pas-census";

    private static readonly TimeSpan PatientLookupTimeout = TimeSpan.FromSeconds(4);

    public static IServiceCollection AddPasPipelines(this IServiceCollection services, ILogger logger, Meter meter, PatientSummaryCache cache)
    {
        services.AddResiliencePipeline<string, PatientSummary>(Demographics, (builder, _) =>
        {
            builder
                .AddFallback(new FallbackStrategyOptions<PatientSummary>
                {
                    ShouldHandle = new PredicateBuilder<PatientSummary>().Handle<BrokenCircuitException>().Handle<TimeoutRejectedException>(),
                    FallbackAction = args =>
                    {
                        var hospitalNumber = args.Context.Properties.GetValue(PasContextKeys.HospitalNumber, string.Empty);
                        return Outcome.FromResultAsValueTask(cache.Get(hospitalNumber) ?? new PatientSummary(hospitalNumber, "(unavailable)", "?", null));
                    },
                    OnFallback = args =>
                    {
                        var hospitalNumber = args.Context.Properties.GetValue(PasContextKeys.HospitalNumber, string.Empty);
                        logger.LogWarning("Serving cached demographics for {HospitalNumber}", hospitalNumber); // leak TC1001 cross-member
                        logger.LogInformation("Fallback after {ExceptionType}", args.Outcome.Exception?.GetType().Name); // clean exceptions
                        meter.CreatePasResilienceEventsCounter().Add(1, "GetDemographics", "fallback");
                        return default;
                    },
                })
                .AddRetry(new RetryStrategyOptions<PatientSummary>
                {
                    MaxRetryAttempts = 4,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = new PredicateBuilder<PatientSummary>().Handle<PasUnavailableException>().Handle<PatientRecordLockedException>(),
                    OnRetry = args =>
                    {
                        logger.LogWarning("PAS demographics retry {Attempt} in {DelayMs} ms", args.AttemptNumber, args.RetryDelay.TotalMilliseconds); // clean precision-about
                        var patientRef = args.Context.Properties.GetValue(PasContextKeys.PatientRef, default);
                        logger.LogPasCallRetriedEvent("GetDemographics", args.AttemptNumber, patientRef, pasNote: args.Outcome.Exception?.GetType().Name); // clean precision-pseudonym
                        logger.LogDebug(args.Outcome.Exception, "Demographics attempt {Attempt} failed", args.AttemptNumber); // leak TC1001 exceptions
                        meter.CreatePasResilienceEventsCounter().Add(1, "GetDemographics", "retried", PasCircuitState.Closed);
                        return default;
                    },
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<PatientSummary>
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    BreakDuration = TimeSpan.FromSeconds(30),
                    ShouldHandle = new PredicateBuilder<PatientSummary>().Handle<PasUnavailableException>(),
                    OnOpened = args =>
                    {
                        logger.LogPasCircuitChangedEvent(PasCircuitState.Open, pasNote: $"open for {args.BreakDuration.TotalSeconds:0}s after {args.Outcome.Exception?.Message}"); // clean exceptions
                        return default;
                    },
                    OnClosed = args =>
                    {
                        logger.LogPasCircuitChangedEvent(PasCircuitState.Closed, pasNote: args.IsManual ? "closed by operator" : "closed"); // clean precision-about
                        return default;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions
                {
                    Timeout = PatientLookupTimeout,
                    OnTimeout = args =>
                    {
                        var staffNumber = args.Context.Properties.GetValue(PasContextKeys.RequestedBy, "unknown");
                        logger.LogWarning("Demographics lookup for clinician {StaffNumber} timed out after {Timeout}", staffNumber, args.Timeout); // leak TC1001 cross-member
                        return default;
                    },
                });
        });

        services.AddResiliencePipeline<string, WardCensus>(Census, (builder, _) =>
        {
            builder.AddRetry(new RetryStrategyOptions<WardCensus>
            {
                MaxRetryAttempts = 2,
                ShouldHandle = new PredicateBuilder<WardCensus>().Handle<PasUnavailableException>().Handle<HttpRequestException>(),
                OnRetry = args =>
                {
                    var ward = args.Context.Properties.GetValue(PasContextKeys.Ward, "?");
                    logger.LogWarning(args.Outcome.Exception, "Census for ward {Ward} retry {Attempt}", ward, args.AttemptNumber); // clean exceptions
                    return default;
                },
            });
        });

        return services;
    }
}

public sealed class PatientSummaryCache
{
    private readonly ConcurrentDictionary<string, PatientSummary> _byHospitalNumber = new(StringComparer.Ordinal);

    public PatientSummary? Get(string hospitalNumber) => _byHospitalNumber.TryGetValue(hospitalNumber, out var summary) ? summary : null;

    public void Put(PatientSummary summary) => _byHospitalNumber[summary.HospitalNumber] = summary;

    public int Count => _byHospitalNumber.Count;
}

public sealed class PasClient(
    HttpClient http,
    ResiliencePipelineProvider<string> pipelines,
    PatientSummaryCache cache,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<PasClient> logger)
{
    public async Task<PatientSummary> GetSummaryAsync(string hospitalNumber, string requestedByStaffNumber, CancellationToken cancellationToken)
    {
        // Polly's telemetry, on by default for pipelines registered with AddResiliencePipeline, writes the operation key
        // into its resilience event logs and as the operation.key tag of its metrics.
        var context = ResilienceContextPool.Shared.Get($"demographics/{hospitalNumber}", cancellationToken); // leak strings
        context.Properties.Set(PasContextKeys.HospitalNumber, hospitalNumber); // clean direct
        context.Properties.Set(PasContextKeys.PatientRef, pseudonymizer.PseudonymizePasPatientId(hospitalNumber)); // clean precision-pseudonym
        context.Properties.Set(PasContextKeys.RequestedBy, requestedByStaffNumber);

        using var span = source.StartPasCall("GetDemographics").SetPasPatientId(pseudonymizer.PseudonymizePasPatientId(hospitalNumber)); // clean generated-api
        try
        {
            var summary = await pipelines.GetPipeline<PatientSummary>(PasResiliencePipelines.Demographics).ExecuteAsync(
                async ctx =>
                {
                    using var response = await http.GetAsync($"patients/{Uri.EscapeDataString(hospitalNumber)}/summary", ctx.CancellationToken);
                    if (response.StatusCode == HttpStatusCode.Locked)
                    {
                        var lockedBy = response.Headers.TryGetValues("X-Locked-By", out var values) ? string.Join(",", values) : "unknown";
                        throw new PatientRecordLockedException(hospitalNumber, lockedBy);
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        throw new PasUnavailableException(http.BaseAddress?.Host ?? "pas", response.StatusCode);
                    }

                    return (await response.Content.ReadFromJsonAsync<PatientSummary>(ctx.CancellationToken))!;
                },
                context);
            cache.Put(summary);
            span.SetPasCircuitState(PasCircuitState.Closed);
            return summary;
        }
        catch (BrokenCircuitException ex)
        {
            span.SetPasCircuitState(PasCircuitState.Open).RecordException(ex, includeMessage: true); // clean exceptions
            throw;
        }
        catch (PatientRecordLockedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Record locked after retries; {CachedSummaries} summaries cached", cache.Count);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async Task<WardCensus> GetCensusAsync(string ward, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get($"census/{ward}", cancellationToken); // clean strings
        context.Properties.Set(PasContextKeys.Ward, ward);
        using var span = source.StartPasCall("GetCensus", spanName: $"census {ward}"); // clean generated-api
        try
        {
            return await pipelines.GetPipeline<WardCensus>(PasResiliencePipelines.Census).ExecuteAsync(
                async ctx => (await http.GetFromJsonAsync<WardCensus>($"wards/{ward}/census", ctx.CancellationToken))!,
                context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Key of the summary in the shared fallback cache of the other clinic hosts.</summary>
    public void TraceSharedCacheKey(string hospitalNumber, byte[] shardKey)
    {
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..16];
        Activity.Current?.SetTag("pas.cache.key", legacyKey); // leak TC1002 hashes

        var shard = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16;
        Activity.Current?.SetTag("pas.cache.shard", shard); // clean hashes
    }
}
