using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Transport;

public sealed record PlaceMatch(string StopId, string Name, double Lat, double Lon);

public sealed record TripOption(string TripId, IReadOnlyList<string> Legs, TimeSpan Duration, decimal Fare);

public sealed record CardBalance(string CardNumber, decimal Balance, bool CappedToday);

public sealed record PlanResponse(IReadOnlyList<TripOption> Options, CardBalance? Card, string? Notice);

/// <summary>Thrown by the planner client; the planner's 422 names the text it could not geocode.</summary>
public sealed class PlannerException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// <c>GET /api/plan?from=…&amp;to=…</c> of the rider app: geocodes what the rider typed, plans trips,
/// and adds the balance of the rider's travel card so the app can warn before a journey the card
/// cannot pay. Plans are cached by origin and destination stops, never by rider.
/// </summary>
public sealed class JourneyPlanComposer(HttpClient planner, HttpClient cards, IMemoryCache cache, ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<JourneyPlanComposer> logger)
{
    private static readonly ActivitySource Source = new("Journey.Bff");
    private readonly JourneyRequestsCounter _requests = meter.CreateJourneyRequestsCounter();
    private readonly Histogram<double> _planSeconds = meter.CreateHistogram<double>("journey.plan.duration", "s");

    public async Task<PlanResponse> PlanAsync(HttpContext http, string from, string to, CancellationToken ct)
    {
        var riderId = http.User.FindFirst("sub")!.Value;
        var cardNumber = http.User.FindFirst("travel_card")?.Value;
        var riderRef = pseudonymizer.PseudonymizeJourneyRiderId(riderId);

        using var span = Source.StartJourneyRequest("journey-plan");
        span.SetJourneyRiderId(riderRef); // clean precision-pseudonym
        Activity.Current?.SetTag("journey.query.from_length", from.Length); // clean precision-about
        Activity.Current?.SetTag("journey.query.to", to); // leak TC1001 direct
        logger.LogInformation("Plan requested by {Rider} ({Terms} terms)", riderRef, from.Split(' ').Length + to.Split(' ').Length); // clean precision-pseudonym

        var started = Stopwatch.GetTimestamp();
        PlaceMatch origin, destination;
        try
        {
            origin = await GeocodeAsync(from, ct);
            destination = await GeocodeAsync(to, ct);
        }
        catch (PlannerException ex) when (ex.Status == 422)
        {
            span.SetJourneyOutcome("geocode:unmatched"); // clean precision-about
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Geocoding failed with status {Status}", ex.Status); // clean exceptions
            return new PlanResponse([], null, "We couldn't find that place");
        }

        var cacheKey = $"plan:{origin.StopId}:{destination.StopId}:{DateTime.UtcNow:yyyyMMddHH}";
        if (!cache.TryGetValue(cacheKey, out var cachedOptions))
        {
            cachedOptions = await planner.GetFromJsonAsync<List<TripOption>>($"/plan?from={origin.StopId}&to={destination.StopId}", ct) ?? [];
            cache.Set(cacheKey, cachedOptions, TimeSpan.FromMinutes(5));
        }

        var options = (List<TripOption>)cachedOptions!;
        logger.LogDebug("Plan cache entry {CacheKey} with {Options} options", cacheKey, options.Count); // clean precision-names
        logger.LogDebug("Planned between {Origin} and {Destination}", origin.Name, destination.Name); // clean precision-about
        span.SetJourneyTripId(options.FirstOrDefault()?.TripId ?? "none"); // clean precision-names

        CardBalance? balance = null;
        if (cardNumber is not null)
        {
            balance = await BalanceAsync(cardNumber, ct);
            Activity.Current?.SetTag("journey.card.capped", balance?.CappedToday); // clean precision-about
            Activity.Current?.SetTag("journey.card.cohort", HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(cardNumber))[0] % 8); // clean hashes
            Activity.Current?.SetTag("journey.card.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(cardNumber)))); // leak TC1002 hashes
        }

        _planSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("journey.options", options.Count)); // clean precision-about
        _requests.Add(1, "journey-plan", JourneyUpstream.Planner, options.Count == 0 ? "no-options" : "ok"); // clean precision-about
        _requests.Add(1, "journey-plan", JourneyUpstream.Cards, balance?.CardNumber); // leak TC1003 cross-member
        logger.LogDebug("Card balance {@Balance}", balance); // leak TC1001 logging-objects
        return new PlanResponse(options, balance, balance is { Balance: < 2m } ? "Top up before you travel" : null);
    }

    private async Task<PlaceMatch> GeocodeAsync(string text, CancellationToken ct)
    {
        using var response = await planner.GetAsync("/geocode?q=" + Uri.EscapeDataString(text), ct);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            throw new PlannerException(422, $"No place matches '{text}'");
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PlaceMatch>(ct))!;
    }

    private async Task<CardBalance?> BalanceAsync(string cardNumber, CancellationToken ct)
    {
        try
        {
            return await cards.GetFromJsonAsync<CardBalance>($"/cards/{cardNumber}/balance", ct);
        }
        catch (HttpRequestException ex)
        {
            logger.LogJourneyDownstreamFailedEvent("journey-plan", "cards:" + (int?)ex.StatusCode, journeyNote: $"card ****{cardNumber[^4..]}"); // clean precision-about
            logger.LogWarning(ex, "Card balance unavailable for card {Card}", cardNumber); // leak TC1001 direct
            return null;
        }
    }
}

/// <summary>
/// Per-rider quota on the planner (the scrapers of a rival app use riders' stolen logins): 300
/// plans a day per rider, counted in memory per instance.
/// </summary>
public sealed class PlannerQuota(Pseudonymizer pseudonymizer, Meter meter, ILogger<PlannerQuota> logger)
{
    private readonly Dictionary<string, int> _plansToday = new();
    private readonly GatewayQuotaRejectedCounter _rejected = meter.CreateGatewayQuotaRejectedCounter();

    public bool TryConsume(HttpContext http)
    {
        var riderId = http.User.FindFirst("sub")!.Value;
        var email = http.User.FindFirst(ClaimTypes.Email)?.Value;
        int used;
        lock (_plansToday)
        {
            used = _plansToday[riderId] = _plansToday.GetValueOrDefault(riderId) + 1;
        }

        if (used <= 300)
        {
            return true;
        }

        var address = http.Connection.RemoteIpAddress;
        _rejected.Add(1, "planner-daily", "planner", gatewayCallerId: pseudonymizer.PseudonymizeGatewayCallerId(riderId)); // leak TC1003 precision-pseudonym
        _rejected.Add(1, "planner-daily", "planner"); // clean precision-about
        logger.LogWarning("Planner quota exceeded: {Used} plans today", used); // clean precision-about
        logger.LogWarning("Planner quota exceeded for rider {Email} from {Address}", email, address); // leak TC1001 direct
        logger.LogWarning("Quota top users {Top}", _plansToday.OrderByDescending(p => p.Value).Take(5).Select(p => p.Key)); // leak TC1001 cross-member
        Activity.Current?.SetTag("journey.quota.ratio", used / 300.0); // clean precision-about
        return false;
    }
}
