using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Transport;

public sealed record Departure(string RouteId, string StopId, DateTimeOffset Due, bool Cancelled);

public sealed record Itinerary(string RouteId, int Changes, TimeSpan Duration);

public interface ITimetable
{
    Task<Departure[]> NextDeparturesAsync(string stopId, int count);
}

public interface ITripPlanner
{
    /// <summary><paramref name="fromText"/> and <paramref name="toText"/> are what the rider typed in the planner.</summary>
    Task<Itinerary[]> PlanAsync(string fromText, string toText, DateTimeOffset departAt, Guid? riderId);
}

public static class TransitDecoration
{
    public static IServiceCollection AddTransitDecorators(this IServiceCollection services) =>
        services
            .Decorate<ITimetable, CachingTimetable>()
            .Decorate<ITripPlanner, TracedTripPlanner>();
}

public sealed class CachingTimetable(ITimetable inner, IMemoryCache cache, Meter meter, ILogger<CachingTimetable> logger) : ITimetable
{
    public async Task<Departure[]> NextDeparturesAsync(string stopId, int count)
    {
        var key = $"departures:{stopId}:{count}";
        Activity.Current?.SetTag("cache.key", key); // clean strings
        if (cache.TryGetValue<Departure[]>(key, out var cached) && cached is not null)
        {
            logger.LogDebug("Departures of {StopId} from cache: {Departures}", stopId, cached); // clean logging-objects
            return cached;
        }

        var started = Stopwatch.GetTimestamp();
        var departures = await inner.NextDeparturesAsync(stopId, count);
        meter.CreateFaresCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "Timetable.NextDepartures"); // clean precision-about
        cache.Set(key, departures, TimeSpan.FromSeconds(30));
        return departures;
    }
}

public sealed class TracedTripPlanner(ITripPlanner inner, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<TracedTripPlanner> logger) : ITripPlanner
{
    public async Task<Itinerary[]> PlanAsync(string fromText, string toText, DateTimeOffset departAt, Guid? riderId)
    {
        using var span = source.StartFaresCall("TripPlanner.Plan", spanName: "plan trip"); // clean generated-api
        if (riderId is { } id)
        {
            span.SetFaresRiderId(pseudonymizer.PseudonymizeFaresRiderId(id.ToString())); // clean precision-pseudonym
        }

        span.SetFaresNote($"{fromText} -> {toText}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("planner.query.length", fromText.Length + toText.Length); // clean precision-about
        var itineraries = await inner.PlanAsync(fromText, toText, departAt, riderId);
        span.SetFaresRouteId(itineraries.FirstOrDefault()?.RouteId ?? "none"); // clean direct
        logger.LogDebug("Planned {Count} itineraries from {From}", itineraries.Length, fromText); // leak TC1001 direct
        return itineraries;
    }
}

/// <summary>Method-boundary logging for the card service: <c>using var _ = MethodScope.Enter(logger, nameof(X), ("name", value));</c></summary>
public readonly struct MethodScope : IDisposable
{
    private readonly ILogger _logger;
    private readonly string _method;
    private readonly long _started;

    private MethodScope(ILogger logger, string method)
    {
        _logger = logger;
        _method = method;
        _started = Stopwatch.GetTimestamp();
    }

    public static MethodScope Enter(ILogger logger, string method, params (string Name, object? Value)[] arguments)
    {
        logger.LogDebug("-> {Method}({Arguments})", method, string.Join(", ", arguments.Select(a => $"{a.Name}={a.Value}")));
        return new MethodScope(logger, method);
    }

    public void Dispose() => _logger.LogDebug("<- {Method} in {ElapsedMs} ms", _method, Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
}

/// <summary><paramref name="reason"/> comes from the help desk's list (<c>lost</c>, <c>stolen</c>, <c>damaged</c>).</summary>
public sealed class CardService(ICardStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<CardService> logger)
{
    public async Task BlockCardAsync(string cardNumber, string reason)
    {
        using var _ = MethodScope.Enter(logger, nameof(BlockCardAsync), ("cardNumber", cardNumber), ("reason", reason)); // leak TC1001 cross-member
        logger.LogInformation("Block request {DedupeKey}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(cardNumber + reason)))); // leak TC1002 hashes
        await store.BlockAsync(cardNumber, reason);
        meter.CreateFaresCallsCounter().Add(1, nameof(BlockCardAsync), FaresOutcomeValue.Custom($"blocked-{reason}")); // clean generated-api
    }

    public async Task ReissueAsync(string cardNumber, string zone)
    {
        using var _ = MethodScope.Enter(logger, nameof(ReissueAsync), ("cardRef", pseudonymizer.ComputeFaresCardId(cardNumber)), ("zone", zone)); // clean precision-pseudonym
        var replacement = await store.ReissueAsync(cardNumber, zone);
        logger.LogInformation("Reissued card {OldCardRef} as {NewCard}", pseudonymizer.ComputeFaresCardId(cardNumber), replacement); // leak TC1001 direct
    }
}

public interface ICardStore
{
    Task BlockAsync(string cardNumber, string reason);

    /// <summary>Returns the new card's number.</summary>
    Task<string> ReissueAsync(string cardNumber, string zone);
}
